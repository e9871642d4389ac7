package dev.assay.viz.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.viz.MimeBundle;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The line above an inline report that says where its page was written. */
class WrittenPageNoteTest {

    private final MimeBundle shown = new MimeBundle(Map.of(MimeBundle.TEXT_PLAIN, "Quality report: x",
            MimeBundle.TEXT_HTML, "<div>report</div>"), Map.of());

    @Test
    void aPageInTheNotebooksFolderIsLinkedRelatively() {
        MimeBundle noted = WrittenPageNote.add(shown, Path.of("/work/nb/out dir/r&d.html"), Path.of("/work/nb"));
        assertEquals("<p class=\"assay-written\">Written to <a href=\"out%20dir/r%26d.html\" target=\"_blank\" "
                + "rel=\"noopener\"><code>/work/nb/out dir/r&amp;d.html</code></a></p>\n<div>report</div>",
                noted.data().get(MimeBundle.TEXT_HTML));
        assertEquals("Written to /work/nb/out dir/r&d.html\nQuality report: x", noted.plainText());
    }

    @Test
    void aPageElsewhereIsLinkedByItsFileUri() {
        String html = (String) WrittenPageNote.add(shown, Path.of("/srv/pages/r.html"), Path.of("/work/nb"))
                .data().get(MimeBundle.TEXT_HTML);
        assertTrue(html.contains("<a href=\"file:///srv/pages/r.html\""), html);
    }
}
