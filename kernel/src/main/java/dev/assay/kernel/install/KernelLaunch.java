package dev.assay.kernel.install;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * How a JVM starts Assay: the jars on its class path and the JVM flags they need. The kernel jar
 * alone starts with {@code -jar}, so its manifest's {@code Add-Opens} apply; with more jars (the
 * Spark jar) it starts with {@code -cp}, which ignores the manifest, so whoever adds a jar adds
 * those opens as {@code --add-opens} flags ({@link #withSpark} does).
 */
public record KernelLaunch(List<Path> classPath, List<String> jvmFlags) {

    public static final String MAIN_CLASS = "dev.assay.kernel.cli.AssayCommand";

    public KernelLaunch {
        if (classPath.isEmpty()) {
            throw new IllegalArgumentException("a launch needs at least the kernel jar");
        }
        classPath = List.copyOf(classPath);
        jvmFlags = List.copyOf(jvmFlags);
    }

    /** {@code java -jar kernelJar}. */
    public static KernelLaunch jar(Path kernelJar) {
        return new KernelLaunch(List.of(kernelJar), List.of());
    }

    /** The kernel jar and the Spark jar, with the kernel manifest's opens and Spark's flags. */
    public static KernelLaunch withSpark(Path kernelJar, Path sparkJar) throws IOException {
        List<String> flags = SparkJvmFlags.union(manifestOpens(kernelJar), SparkJvmFlags.all());
        return new KernelLaunch(List.of(kernelJar, sparkJar), flags);
    }

    /** True when one jar alone is started, with {@code -jar} (a class folder, in tests, needs {@code -cp}). */
    public boolean isPlainJar() {
        return classPath.size() == 1 && classPath.get(0).toString().endsWith(".jar");
    }

    /** The class path as one {@code -cp} value. */
    public String classPathText() {
        return classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /** What follows {@code java} and its own options, up to the command's arguments. */
    public List<String> startArguments() {
        List<String> args = new ArrayList<>(jvmFlags);
        if (isPlainJar()) {
            args.addAll(List.of("-jar", classPath.get(0).toString()));
        } else {
            args.addAll(List.of("-cp", classPathText(), MAIN_CLASS));
        }
        return args;
    }

    /** The jar manifest's {@code Add-Opens} ({@code java.base/java.nio ...}) as {@code --add-opens} flags. */
    public static List<String> manifestOpens(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            var manifest = file.getManifest();
            String opens = manifest == null ? null : manifest.getMainAttributes().getValue("Add-Opens");
            List<String> flags = new ArrayList<>();
            if (opens != null) {
                for (String target : opens.strip().split("\\s+")) {
                    if (!target.isEmpty()) {
                        flags.add("--add-opens=" + target + "=ALL-UNNAMED");
                    }
                }
            }
            return flags;
        }
    }
}
