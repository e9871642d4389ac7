package dev.assay.kernel.install;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.kernel.transport.Json;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Writes the {@code assay} kernelspec: kernel.json and the logos Jupyter shows in its launcher. */
public final class KernelSpecWriter {

    public static final String DISPLAY_NAME = "Assay (Java)";

    private KernelSpecWriter() {
    }

    /** Writes {@code kernelDir/kernel.json} and logos; the kernel runs {@code jar} with {@code java}. */
    public static void write(Path kernelDir, Path java, Path jar) throws IOException {
        write(kernelDir, java, jar, null);
    }

    /** As {@link #write(Path, Path, Path)}, the JVM mapping {@code classArchive} (a {@link ClassArchive}) when not null. */
    public static void write(Path kernelDir, Path java, Path jar, Path classArchive) throws IOException {
        write(kernelDir, java, KernelLaunch.jar(jar), classArchive);
    }

    /** As {@link #write(Path, Path, Path, Path)}, the kernel started as {@code launch} says (its class path and flags). */
    public static void write(Path kernelDir, Path java, KernelLaunch launch, Path classArchive) throws IOException {
        Files.createDirectories(kernelDir);
        ObjectNode spec = Json.object();
        ArrayNode argv = spec.putArray("argv");
        argv.add(java.toString());
        if (classArchive != null) {
            argv.add("-XX:SharedArchiveFile=" + classArchive);
        }
        List.of("-Djava.awt.headless=true", "-Djava.security.manager=allow").forEach(argv::add);
        launch.startArguments().forEach(argv::add);
        List.of("kernel", "{connection_file}").forEach(argv::add);
        spec.put("display_name", DISPLAY_NAME);
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        spec.putObject("env");
        spec.putObject("metadata").put("debugger", false);
        Files.writeString(kernelDir.resolve("kernel.json"),
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(spec) + "\n", StandardCharsets.UTF_8);
        for (int size : new int[] {32, 64}) {
            ImageIO.write(logo(size), "png", kernelDir.resolve("logo-" + size + "x" + size + ".png").toFile());
        }
        Files.writeString(kernelDir.resolve("logo-svg.svg"), SVG_LOGO, StandardCharsets.UTF_8);
    }

    /** The mark: a white "A" on a teal rounded square, drawn rather than shipped as binary files. */
    static BufferedImage logo(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(TEAL);
            g.fill(new RoundRectangle2D.Double(0, 0, size, size, size / 4.0, size / 4.0));
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(size / 16f));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) (size * 0.72)));
            FontMetrics m = g.getFontMetrics();
            g.drawString("A", (size - m.stringWidth("A")) / 2, (size - m.getHeight()) / 2 + m.getAscent());
        } finally {
            g.dispose();
        }
        return image;
    }

    private static final Color TEAL = new Color(0x00, 0x6D, 0x77);

    private static final String SVG_LOGO = """
            <svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">
              <rect width="64" height="64" rx="16" fill="#006D77"/>
              <text x="32" y="50" font-family="sans-serif" font-weight="bold" font-size="46"
                    fill="#FFFFFF" text-anchor="middle">A</text>
            </svg>
            """;
}
