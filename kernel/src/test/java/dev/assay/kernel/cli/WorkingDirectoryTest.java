package dev.assay.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.kernel.install.SparkJvmFlags;
import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkingDirectoryTest {

    @TempDir
    Path dir;

    private static final Path JAVA = Path.of("/opt/jdk/bin/java");

    @Test
    void theChildOfAPlainRunStartsTheSameJarWithTheSameOptions() {
        Path jar = dir.resolve("assay.jar");
        List<String> command = WorkingDirectory.childCommand(JAVA, List.of("-Xmx1g"), jar.toString(),
                WorkingDirectory.ChildJvm.SAME);
        assertEquals(List.of(JAVA.toString(), "-Xmx1g", "-jar", jar.toString()), command);
    }

    @Test
    void aChildWithSparkGetsTheSparkJarTheFlagsAndTheManifestsOpensOnce() throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Add-Opens", "java.base/java.nio java.base/java.time");
        Path jar = dir.resolve("assay.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // an empty jar with the kernel jar's kind of manifest
        }
        Path spark = dir.resolve("assay-spark.jar");
        String given = "-Dio.netty.tryReflectionSetAccessible=true"; // this JVM has one of the flags already
        List<String> command = WorkingDirectory.childCommand(JAVA, List.of(given), jar.toString(),
                new WorkingDirectory.ChildJvm(List.of(spark), SparkJvmFlags.all()));
        int cp = command.indexOf("-cp");
        assertEquals(List.of("-cp", jar + File.pathSeparator + spark, AssayCommand.class.getName()),
                command.subList(cp, command.size()));
        List<String> flags = command.subList(1, cp);
        assertTrue(flags.containsAll(SparkJvmFlags.all()), flags.toString());
        assertTrue(flags.contains("--add-opens=java.base/java.time=ALL-UNNAMED"), "-cp drops the manifest: " + flags);
        assertEquals(flags.size(), flags.stream().distinct().count(), "each flag once: " + flags);
    }

    @Test
    void aSparkJarAlreadyOnTheClassPathIsNotAddedAgain() {
        Path classes = dir.resolve("classes");
        Path spark = dir.resolve("assay-spark.jar");
        List<String> command = WorkingDirectory.childCommand(JAVA, List.of(), classes + File.pathSeparator + spark,
                new WorkingDirectory.ChildJvm(List.of(spark), List.of()));
        assertEquals(List.of(JAVA.toString(), "-cp", classes + File.pathSeparator + spark, AssayCommand.class.getName()),
                command);
    }
}
