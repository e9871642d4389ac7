package dev.assay.kernel.cli;

import dev.assay.kernel.install.ClassArchive;
import dev.assay.kernel.install.KernelJarCopy;
import dev.assay.kernel.install.KernelLaunch;
import dev.assay.kernel.install.KernelSpecWriter;
import dev.assay.kernel.install.SparkJar;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code assay install [--user | --prefix DIR] [--name NAME] [--no-class-archive] [--with-spark [--spark-jar PATH]]}:
 * registers the kernel with Jupyter.
 */
@Command(name = "install", description = "Install the Jupyter kernelspec that starts this jar.")
final class InstallCommand implements Callable<Integer> {

    static final class Target {
        @Option(names = "--user", description = "install for the current user (the default)")
        boolean user;

        @Option(names = "--prefix", paramLabel = "DIR", description = "install into DIR/share/jupyter/kernels")
        Path prefix;
    }

    @ArgGroup(exclusive = true)
    Target target;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "assay",
            description = "the kernelspec name (default: ${DEFAULT-VALUE})")
    String name;

    @Option(names = "--no-class-archive",
            description = "skip the class-data-sharing archive that makes the kernel start faster")
    boolean noClassArchive;

    @Mixin
    SparkOptions spark;

    @Override
    public Integer call() throws Exception {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            System.err.println("assay install: invalid --name '" + name + "': use letters, digits, '.', '_' and '-'");
            return 2;
        }
        Path jar;
        Path sparkJar;
        try {
            boolean withSpark = spark.requested();
            jar = runningJar();
            if (jar == null) {
                System.err.println("assay install: run it from the built jar: java -jar kernel/target/assay.jar install");
                return 2;
            }
            sparkJar = withSpark ? spark.jar(jar) : null;
        } catch (IllegalArgumentException e) {
            System.err.println("assay install: " + e.getMessage());
            return 2;
        }
        Path kernels = target != null && target.prefix != null
                ? target.prefix.toAbsolutePath().resolve("share/jupyter/kernels")
                : userKernelsDir();
        Path dir = kernels.resolve(name);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // The kernelspec starts its own copy: `mvn clean` or a moved clone must not break it.
        Path installedJar = KernelJarCopy.into(dir, jar);
        if (sparkJar == null) {
            Files.deleteIfExists(dir.resolve(SparkJar.FILE_NAME)); // left by an earlier install --with-spark
        }
        KernelLaunch launch = sparkJar == null ? KernelLaunch.jar(installedJar)
                : KernelLaunch.withSpark(installedJar, KernelJarCopy.into(dir, sparkJar, SparkJar.FILE_NAME));
        Path archive = noClassArchive ? null : classArchive(dir, java, launch);
        KernelSpecWriter.write(dir, java, launch, archive);
        System.out.println("Installed kernelspec " + name + " in " + dir + " (with its own copy of the jar"
                + (sparkJar != null ? " and of " + SparkJar.FILE_NAME : "")
                + (archive != null ? " and a class archive for a faster start)" : ")"));
        return 0;
    }

    /** The class archive, trained now; null (and the kernel simply starts slower) when this JVM cannot make one. */
    private static Path classArchive(Path dir, Path java, KernelLaunch launch) throws IOException {
        try {
            return ClassArchive.create(dir, java, launch, Duration.ofMinutes(3));
        } catch (IOException e) {
            // An archive left by an earlier install belongs to another jar: the kernel would only warn about it.
            Files.deleteIfExists(dir.resolve(ClassArchive.FILE_NAME));
            System.err.println("assay install: no class archive (" + e.getMessage() + "); the kernel starts without one");
            return null;
        }
    }

    private static Path runningJar() throws URISyntaxException {
        Path location = Path.of(InstallCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return Files.isRegularFile(location) && location.toString().endsWith(".jar") ? location.toAbsolutePath() : null;
    }

    /** Jupyter's per-user data directory, as jupyter_core computes it. */
    static Path userKernelsDir() {
        String dataDir = System.getenv("JUPYTER_DATA_DIR");
        if (dataDir != null && !dataDir.isBlank()) {
            return Path.of(dataDir, "kernels");
        }
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Jupyter", "kernels");
        }
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "jupyter", "kernels");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share");
        return base.resolve("jupyter").resolve("kernels");
    }
}
