package dev.assay.viz.page.notebook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownHtmlTest {

    @Test
    void headingsTablesAndCode() {
        String html = MarkdownHtml.toHtml("## Results\n\n| a | b |\n|---|--:|\n| x | 1 |\n\nUse `show` &copy;", Map.of());
        assertTrue(html.contains("<h2>Results</h2>"), html);
        assertTrue(html.contains("<table>") && html.contains("<th>a</th>") && html.contains("<td align=\"right\">1</td>"), html);
        assertTrue(html.contains("<code>show</code> \u00a9"), html);
    }

    @Test
    void rawHtmlAndScriptLinksStayText() {
        String html = MarkdownHtml.toHtml("<script>alert(1)</script>\n\nhi <b onclick=x>there</b> [go](javascript:alert(1))", Map.of());
        assertFalse(html.contains("<script") || html.contains("<b ") || html.contains("javascript:"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
    }

    @Test
    void attachmentsAreInlinedAndOtherImagesBecomeLinks() {
        String html = MarkdownHtml.toHtml("![plot](attachment:plot.png) ![web](https://example.org/x.png \"t\") ![gone](attachment:none.png)",
                Map.of("plot.png", Map.of("image/png", "iVBORw0K\nGgo=")));
        assertTrue(html.contains("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"plot\" />"), html);
        assertTrue(html.contains("<a rel=\"nofollow\" href=\"https://example.org/x.png\" title=\"t\">web</a>"), html);
        assertTrue(html.endsWith(" gone</p>\n"), "an attachment that is not there leaves its description: " + html);
        assertFalse(html.contains("<img src=\"https:") || html.contains("<img src=\"attachment:"), html);
    }
}
