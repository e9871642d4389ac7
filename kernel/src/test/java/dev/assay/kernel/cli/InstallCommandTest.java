package dev.assay.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.kernel.install.ClassArchive;
import dev.assay.kernel.install.KernelJarCopy;
import dev.assay.kernel.install.KernelLaunch;
import dev.assay.kernel.install.KernelSpecWriter;
import dev.assay.kernel.install.SparkJvmFlags;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallCommandTest {

    @TempDir
    Path dir;

    @Test
    void kernelSpecNamesTheJarAndAsksForMessageInterrupts() throws Exception {
        Path kernelDir = dir.resolve("share/jupyter/kernels/assay");
        Path jar = dir.resolve("assay.jar");
        KernelSpecWriter.write(kernelDir, Path.of("/opt/jdk/bin/java"), jar);
        JsonNode spec = new ObjectMapper().readTree(kernelDir.resolve("kernel.json").toFile());
        assertEquals("Assay (Java)", spec.path("display_name").asText());
        assertEquals("java", spec.path("language").asText());
        assertEquals("message", spec.path("interrupt_mode").asText());
        JsonNode argv = spec.path("argv");
        assertEquals("/opt/jdk/bin/java", argv.get(0).asText());
        assertEquals("{connection_file}", argv.get(argv.size() - 1).asText());
        assertTrue(argv.toString().contains("\"-jar\",\"" + jar + "\",\"kernel\""), argv.toString());
        for (int size : new int[] {32, 64}) {
            BufferedImage logo = ImageIO.read(kernelDir.resolve("logo-" + size + "x" + size + ".png").toFile());
            assertEquals(size, logo.getWidth());
            assertTrue(logo.getRGB(size / 2, size / 2) != logo.getRGB(1, size / 2) || logo.getRGB(2, 2) != 0,
                    "the logo is not blank");
        }
        assertTrue(Files.readString(kernelDir.resolve("logo-svg.svg")).startsWith("<svg"));
    }

    @Test
    void aClassArchiveIsMappedBeforeTheJarStarts() throws Exception {
        Path kernelDir = dir.resolve("share/jupyter/kernels/assay");
        Path archive = kernelDir.resolve(ClassArchive.FILE_NAME);
        KernelSpecWriter.write(kernelDir, Path.of("/opt/jdk/bin/java"), dir.resolve("assay.jar"), archive);
        JsonNode argv = new ObjectMapper().readTree(kernelDir.resolve("kernel.json").toFile()).path("argv");
        assertEquals("-XX:SharedArchiveFile=" + archive, argv.get(1).asText());
        assertEquals("-jar", argv.get(argv.size() - 4).asText());
    }

    @Test
    void aKernelSpecWithSparkStartsBothJarsOnTheClassPathWithSparksFlags() throws Exception {
        Path kernelDir = dir.resolve("share/jupyter/kernels/assay");
        Path kernel = kernelDir.resolve("assay.jar");
        Path spark = kernelDir.resolve("assay-spark.jar");
        Path archive = kernelDir.resolve(ClassArchive.FILE_NAME);
        KernelSpecWriter.write(kernelDir, Path.of("/opt/jdk/bin/java"),
                new KernelLaunch(List.of(kernel, spark), SparkJvmFlags.all()), archive);
        List<String> argv = new ArrayList<>();
        new ObjectMapper().readTree(kernelDir.resolve("kernel.json").toFile()).path("argv")
                .forEach(a -> argv.add(a.asText()));
        assertEquals("-XX:SharedArchiveFile=" + archive, argv.get(1), "the archive is mapped first");
        assertEquals(List.of("-cp", kernel + File.pathSeparator + spark, "dev.assay.kernel.cli.AssayCommand", "kernel",
                "{connection_file}"), argv.subList(argv.size() - 5, argv.size()));
        assertTrue(argv.subList(0, argv.size() - 5).containsAll(SparkJvmFlags.all()), argv.toString());
        assertTrue(argv.contains("-Djava.awt.headless=true"), argv.toString());
        assertFalse(argv.contains("-jar"), argv.toString());
    }

    @Test
    void aSparkJarWithoutWithSparkIsAUsageErrorSayingSo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(2, AssayCommand.execute("install", "--prefix", dir.toString(), "--spark-jar", "x.jar"));
        } finally {
            System.setErr(old);
        }
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--spark-jar goes with --with-spark"), err.toString());
    }

    @Test
    void aTrainingKernelThatCannotStartIsReportedAndLeavesNothing() throws Exception {
        Path kernelDir = dir.resolve("kernels/assay");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        IOException e = assertThrows(IOException.class,
                () -> ClassArchive.create(kernelDir, java, dir.resolve("missing.jar"), Duration.ofMinutes(1)));
        assertTrue(e.getMessage().contains("exited"), e.getMessage());
        try (var left = Files.list(kernelDir)) {
            assertEquals(List.of(), left.toList(), "no archive or part file is left behind");
        }
    }

    @Test
    void theKernelSpecGetsItsOwnCopyOfTheJar() throws Exception {
        Path built = dir.resolve("target/assay.jar");
        Files.createDirectories(built.getParent());
        Files.write(built, new byte[] {1, 2, 3});
        Path kernelDir = dir.resolve("kernels/assay");
        Path copy = KernelJarCopy.into(kernelDir, built);
        assertEquals(kernelDir.resolve("assay.jar").toAbsolutePath(), copy);
        Files.write(built, new byte[] {4, 5});
        assertEquals(copy, KernelJarCopy.into(kernelDir, built), "installing again replaces the copy");
        Files.delete(built); // mvn clean
        assertTrue(Arrays.equals(new byte[] {4, 5}, Files.readAllBytes(copy)));
        assertEquals(copy, KernelJarCopy.into(kernelDir, copy), "install run from the copy keeps it");
        try (var left = Files.list(kernelDir)) {
            assertEquals(List.of(copy), left.map(Path::toAbsolutePath).toList(), "no part file is left");
        }
    }

    @Test
    void onlyAPlainKernelStartSkipsTheCommandLineParser() {
        assertTrue(AssayCommand.isKernelStart(new String[] {"kernel", "/run/jupyter/kernel-1.json"}));
        assertFalse(AssayCommand.isKernelStart(new String[] {"kernel", "--help"}));
        assertFalse(AssayCommand.isKernelStart(new String[] {"kernel"}));
        assertFalse(AssayCommand.isKernelStart(new String[] {"run", "x.ipynb"}));
        assertFalse(AssayCommand.isKernelStart(new String[] {"kernel", "a.json", "b.json"}));
    }

    @Test
    void aKernelWithoutAReadableConnectionFileSaysWhichAndFails() throws Exception {
        Path broken = dir.resolve("connection.json");
        Files.writeString(broken, "{\"ip\": \"127.0.0.1\"}");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(1, KernelCommand.serve(broken));
        } finally {
            System.setErr(old);
        }
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains(broken.toString()) && message.contains("shell_port"), message);
    }

    @Test
    void installOutsideTheJarSaysHowToRunIt() {
        // Tests run from target/classes, not from assay.jar: install must refuse clearly.
        assertEquals(2, AssayCommand.execute("install", "--prefix", dir.toString()));
        assertEquals(2, AssayCommand.execute("install", "--name", "../evil"));
    }
}
