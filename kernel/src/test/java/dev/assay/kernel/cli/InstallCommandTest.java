package dev.assay.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.kernel.install.KernelSpecWriter;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void installOutsideTheJarSaysHowToRunIt() {
        // Tests run from target/classes, not from assay.jar: install must refuse clearly.
        assertEquals(2, AssayCommand.execute("install", "--prefix", dir.toString()));
        assertEquals(2, AssayCommand.execute("install", "--name", "../evil"));
    }
}
