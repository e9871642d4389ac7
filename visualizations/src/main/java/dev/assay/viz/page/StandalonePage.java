package dev.assay.viz.page;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.UUID;

/**
 * One self-contained HTML document: styles inline, images as data URIs, no scripts, and a
 * Content-Security-Policy that lets the browser fetch nothing, so a page mailed or attached
 * to a CI run shows the same everywhere and never calls out. Readable on a phone (viewport,
 * tables that scroll sideways) and printed (no backgrounds needed, no rows cut across pages).
 */
public final class StandalonePage {

    private StandalonePage() {
    }

    /** The whole document around {@code bodyHtml}, which must already be safe HTML. */
    public static String html(String title, String bodyHtml) {
        return Templates.render("page", Map.of("title", title, "body", bodyHtml));
    }

    /** Writes the document beside its final place, then renames it: a reader never sees half a page. */
    public static void write(Path file, String document) throws IOException {
        Path target = file.toAbsolutePath();
        Path parent = target.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        // Not createTempFile: its file is private (0600) and the page would keep that mode after
        // the rename, unreadable to a web server or a colleague; a new file gets the usual mode.
        Path partial = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            Files.writeString(partial, document, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
