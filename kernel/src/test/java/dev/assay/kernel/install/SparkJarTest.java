package dev.assay.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkJarTest {

    @TempDir
    Path dir;

    private Path file(String relative) throws Exception {
        Path path = dir.resolve(relative);
        Files.createDirectories(path.getParent());
        return Files.write(path, new byte[] {1});
    }

    @Test
    void theCloneBuildingTheKernelJarBuildsTheSparkJarBesideIt() throws Exception {
        Path kernel = file("clone/kernel/target/assay.jar");
        Path spark = file("clone/spark/target/assay-spark.jar");
        assertEquals(spark, SparkJar.locate(null, kernel));
    }

    @Test
    void anInstalledKernelspecHoldsItBesideTheKernelJar() throws Exception {
        Path kernel = file("kernels/assay/assay.jar");
        Path spark = file("kernels/assay/assay-spark.jar");
        assertEquals(spark, SparkJar.locate(null, kernel));
    }

    @Test
    void aGivenJarWins() throws Exception {
        file("clone/spark/target/assay-spark.jar");
        Path given = file("elsewhere/my-spark.jar");
        assertEquals(given, SparkJar.locate(given, dir.resolve("clone/kernel/target/assay.jar")));
    }

    @Test
    void aMissingJarSaysWhereItLookedAndHowToBuildIt() throws Exception {
        Path kernel = file("clone/kernel/target/assay.jar");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkJar.locate(null, kernel));
        assertTrue(e.getMessage().contains(dir.resolve("clone/spark/target/assay-spark.jar").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("mvn -B -q package -DskipTests"), e.getMessage());
        assertTrue(e.getMessage().contains("--spark-jar"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SparkJar.locate(dir.resolve("nope.jar"), kernel));
        assertTrue(e.getMessage().contains("nope.jar"), e.getMessage());
    }

    @Test
    void theSparkEngineIsNotOnTheKernelsOwnClassPath() {
        assertFalse(SparkJar.isLoadable(SparkJarTest.class.getClassLoader()),
                "the kernel module must not depend on the Spark module");
    }
}
