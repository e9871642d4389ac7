package dev.assay.kernel.cli;

import dev.assay.kernel.install.SparkJar;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --with-spark [--spark-jar PATH]}, as {@code install} and {@code run} take them. */
final class SparkOptions {

    @Option(names = "--with-spark",
            description = "also put assay-spark.jar (the Spark engine) on the class path, with the JVM flags Spark's "
                    + "client needs")
    boolean withSpark;

    @Option(names = "--spark-jar", paramLabel = "PATH",
            description = "the Spark jar for --with-spark (default: spark/target/assay-spark.jar of the kernel jar's clone)")
    Path sparkJar;

    /** Whether the Spark jar was asked for; {@code --spark-jar} alone is an {@link IllegalArgumentException}. */
    boolean requested() {
        if (sparkJar != null && !withSpark) {
            throw new IllegalArgumentException("--spark-jar goes with --with-spark");
        }
        return withSpark;
    }

    /** The Spark jar to put beside {@code kernelJar}; an {@link IllegalArgumentException} says where it looked. */
    Path jar(Path kernelJar) {
        try {
            return SparkJar.locate(sparkJar, kernelJar);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--with-spark: " + e.getMessage(), e);
        }
    }
}
