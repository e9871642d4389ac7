package dev.assay.viz.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandalonePageTest {

    @Test
    void escapesTheTitleKeepsTheBodyAndForbidsEveryFetch() {
        String page = StandalonePage.html("a <b> & 'c'", "<p class=\"x\">body</p>");

        assertTrue(page.startsWith("<!DOCTYPE html>"), page);
        assertTrue(page.contains("<title>a &lt;b&gt; &amp; &#39;c&#39;</title>"), page);
        assertTrue(page.contains("<p class=\"x\">body</p>"), page);
        assertTrue(page.contains("content=\"default-src 'none'; img-src data:;"), page);
        assertTrue(page.contains("name=\"viewport\""), page);
        assertTrue(page.contains("@media print"), "the page style is inlined");
        assertTrue(!page.contains("http://") && !page.contains("https://") && !page.contains("<script"), page);
    }

    @Test
    void escapesAsTheRenderersDoLeavingCodeReadable() {
        String page = StandalonePage.html("int a = b `c`", "");
        assertTrue(page.contains("<title>int a = b `c`</title>"), "quoted attributes need no '=' or '`' escaped: " + page);
    }

    @Test
    void aNameMissingFromTheContextIsAnError() {
        assertThrows(RuntimeException.class, () -> Templates.render("page", Map.of("title", "t")));
    }

    @Test
    void writesTheFileWholeAndLeavesNothingBeside(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/report.html");
        StandalonePage.write(file, "first");
        StandalonePage.write(file, "second");

        assertEquals("second", Files.readString(file));
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count());
        }
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            // Readable as any file the user makes there, not private like a temporary file.
            Path plain = Files.createFile(dir.resolve("plain"));
            assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file));
        }
    }
}
