package dev.assay.kernel.install;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where {@code assay-spark.jar} is: given ({@code --spark-jar}), or found from the kernel jar,
 * beside it (an installed kernelspec holds both) or where the same clone builds it
 * ({@code kernel/target/assay.jar} -> {@code spark/target/assay-spark.jar}).
 */
public final class SparkJar {

    public static final String FILE_NAME = "assay-spark.jar";
    public static final String BUILD = "mvn -B -q package -DskipTests";
    /** The Spark jar's extension: loadable when the jar is on a class path. */
    static final String EXTENSION_CLASS = "dev.assay.spark.SparkExtension";

    private SparkJar() {
    }

    /** The Spark jar to use; an {@link IllegalArgumentException} saying where it looked and how to build it. */
    public static Path locate(Path given, Path kernelJar) {
        if (given != null) {
            Path jar = given.toAbsolutePath().normalize();
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException("--spark-jar " + given + ": no such file");
            }
            return jar;
        }
        Path beside = kernelJar.resolveSibling(FILE_NAME);
        if (Files.isRegularFile(beside)) {
            return beside;
        }
        Path built = builtBeside(kernelJar);
        if (built != null && Files.isRegularFile(built)) {
            return built;
        }
        throw new IllegalArgumentException("no Spark jar at " + (built != null ? built : beside) + "; build it with `"
                + BUILD + "` in the Assay clone (it writes spark/target/" + FILE_NAME + "), or give --spark-jar PATH");
    }

    /** True when {@code loader} sees the Spark engine's classes. */
    public static boolean isLoadable(ClassLoader loader) {
        try {
            Class.forName(EXTENSION_CLASS, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The jar (or class folder, in tests) {@code type} was loaded from: the kernel's. */
    public static Path kernelJarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot tell where the kernel was loaded from: " + e.getMessage());
        }
    }

    /** {@code CLONE/spark/target/assay-spark.jar} for {@code CLONE/kernel/target/*.jar}, else null. */
    static Path builtBeside(Path kernelJar) {
        Path target = kernelJar.toAbsolutePath().getParent();
        Path module = target == null ? null : target.getParent();
        if (module == null || module.getParent() == null || !target.getFileName().toString().equals("target")) {
            return null;
        }
        return module.resolveSibling("spark").resolve("target").resolve(FILE_NAME);
    }
}
