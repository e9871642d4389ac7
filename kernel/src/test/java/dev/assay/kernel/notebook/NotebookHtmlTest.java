package dev.assay.kernel.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** An executed notebook, written by hand as nbformat 4 JSON, as the HTML page of {@code assay run --html}. */
class NotebookHtmlTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SVG = "<svg xmlns='http://www.w3.org/2000/svg' width='4' height='4'><script>alert(2)</script></svg>";

    private static final String NOTEBOOK = """
        {"nbformat": 4, "nbformat_minor": 5,
         "metadata": {"kernelspec": {"name": "assay", "display_name": "Assay (Java)", "language": "java"}},
         "cells": [
          {"cell_type": "markdown", "metadata": {},
           "source": ["# Spam <i>check</i>\\n", "\\n", "| column | rows |\\n", "|---|--:|\\n", "| SMS | 5,574 |\\n", "\\n",
                      "<script>alert('markdown')</script>\\n"]},
          {"cell_type": "code", "execution_count": 1, "metadata": {"tags": ["parameters"], "execution": {
             "shell.execute_reply.started": "2026-11-22T10:00:00.000Z", "shell.execute_reply": "2026-11-22T10:00:01.500Z"}},
           "source": "String s = \\"<script>alert(1)</script>\\";\\nSystem.out.println(s);",
           "outputs": [{"output_type": "stream", "name": "stdout", "text": ["a < b & c\\n"]},
                       {"output_type": "stream", "name": "stderr", "text": "careful <here>\\n"}]},
          {"cell_type": "code", "execution_count": 2, "metadata": {}, "source": "table()",
           "outputs": [{"output_type": "execute_result", "execution_count": 2, "metadata": {},
                        "data": {"text/plain": "a table", "image/png": "UE5HX05PVF9DSE9TRU4=",
                                 "text/html": "<div class=\\"from-kernel\\"><b>rich</b></div>"}}]},
          {"cell_type": "code", "execution_count": 3, "metadata": {}, "source": "pictures()",
           "outputs": [
             {"output_type": "display_data", "metadata": {"image/png": {"width": 240, "height": 120}},
              "data": {"text/plain": "a <chart>", "image/png": ["iVBORw0K\\n", "GgoAAAA="]}},
             {"output_type": "display_data", "metadata": {},
              "data": {"text/plain": "vector", "image/png": "UE5HX0xPU0VTX1RPX1NWRw==", "image/svg+xml": "%s"}},
             {"output_type": "display_data", "metadata": {}, "data": {"text/plain": "photo", "image/jpeg": "/9j/4AAQ"}},
             {"output_type": "display_data", "metadata": {}, "data": {"text/plain": "bold", "text/markdown": "**bold** move"}},
             {"output_type": "display_data", "metadata": {}, "data": {"text/plain": "x squared", "text/latex": "$x^2 < y$"}},
             {"output_type": "display_data", "metadata": {}, "data": {"text/plain": "<only> text & more"}},
             {"output_type": "display_data", "metadata": {}, "data": {"application/json": {"kind": "profile"}}}]},
          {"cell_type": "code", "execution_count": 4, "metadata": {"execution": {
             "shell.execute_reply.started": "2026-11-22T10:00:02.000Z", "shell.execute_reply": "2026-11-22T10:00:03.250Z"}},
           "source": "1 / 0",
           "outputs": [{"output_type": "error", "ename": "java.lang.ArithmeticException", "evalue": "/ by zero",
                        "traceback": ["\\u001b[31mjava.lang.ArithmeticException\\u001b[0m: / by zero",
                                      "\\u001b[1mat\\u001b[22m divide (Cell In[4], line 3)\\u001b[K"]}]},
          {"cell_type": "code", "execution_count": null, "metadata": {}, "source": "System.out.println(\\"never\\");", "outputs": []},
          {"cell_type": "code", "execution_count": null, "metadata": {}, "source": "  \\n", "outputs": []},
          {"cell_type": "raw", "metadata": {}, "source": "raw <text>"}
         ]}
        """.formatted(SVG.replace("\"", "\\\""));

    private static String page() throws Exception {
        return NotebookHtml.html(JSON.readTree(NOTEBOOK), "spam <check>.ipynb");
    }

    /** The element with id {@code cell-N} up to the next cell. */
    private static String cell(String page, int number) {
        Matcher m = Pattern.compile("<section [^>]*id=\"cell-" + number + "\".*?</section>", Pattern.DOTALL).matcher(page);
        assertTrue(m.find(), "no cell " + number);
        return m.group();
    }

    @Test
    void codeAndTextAreEscaped() throws Exception {
        String page = page();
        assertFalse(page.toLowerCase(Locale.ROOT).contains("<script"), "no script reaches the page");
        assertTrue(page.contains("<title>spam &lt;check&gt;.ipynb</title>"), page);
        assertTrue(page.contains("String s = &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;;\nSystem.out.println(s);"), page);
        assertTrue(page.contains("<pre class=\"nb-stream nb-stdout\">a &lt; b &amp; c\n</pre>"), page);
        assertTrue(page.contains("<pre class=\"nb-stream nb-stderr\">careful &lt;here&gt;\n</pre>"), "stderr styled apart: " + page);
        assertTrue(page.contains("<pre class=\"nb-text\">&lt;only&gt; text &amp; more</pre>"), page);
        assertTrue(cell(page, 8).contains("<pre>raw &lt;text&gt;</pre>"), page);
    }

    @Test
    void eachOutputShowsItsRichestType() throws Exception {
        String page = page();
        String table = cell(page, 3);
        assertTrue(table.contains("<div class=\"from-kernel\"><b>rich</b></div>"), "HTML from the kernel as is: " + table);
        assertTrue(table.contains("Out[2]:"), table);
        assertFalse(page.contains("UE5HX05PVF9DSE9TRU4="), "HTML wins over PNG");
        assertFalse(page.contains("UE5HX0xPU0VTX1RPX1NWRw=="), "SVG wins over PNG");
        String pictures = cell(page, 4);
        assertTrue(pictures.contains("<strong>bold</strong> move"), "text/markdown rendered: " + pictures);
        assertTrue(pictures.contains("<pre class=\"nb-text\">$x^2 &lt; y$</pre>"), "text/latex as text: " + pictures);
        assertTrue(pictures.contains("(an output the page cannot show: application/json)"), pictures);
    }

    @Test
    void imagesAreDataUris() throws Exception {
        String pictures = cell(page(), 4);
        assertTrue(pictures.contains("<img class=\"nb-image\" src=\"data:image/png;base64,iVBORw0KGgoAAAA=\" alt=\"a &lt;chart&gt;\" width=\"240\">"),
                "base64 lines joined, the kernel's width kept: " + pictures);
        String svg = Base64.getEncoder().encodeToString(SVG.getBytes(StandardCharsets.UTF_8));
        assertTrue(pictures.contains("src=\"data:image/svg+xml;base64," + svg + "\""), "SVG through an img: " + pictures);
        assertFalse(pictures.contains("<svg"), "no inline SVG: its script stays out of the page");
        assertTrue(pictures.contains("src=\"data:image/jpeg;base64,/9j/4AAQ\""), pictures);
        Matcher sources = Pattern.compile("src=\"([^\"]*)\"").matcher(page());
        while (sources.find()) {
            assertTrue(sources.group(1).startsWith("data:image/"), "nothing to fetch: " + sources.group(1));
        }
    }

    @Test
    void errorsLoseTheirEscapeCodesAndAreMarked() throws Exception {
        String page = page();
        assertFalse(page.contains("\u001b"), "no raw escape character in the page");
        assertFalse(page.contains("[31m") || page.contains("[0m") || page.contains("[K"), "no escape code left as text");
        String failed = cell(page, 5);
        assertTrue(failed.contains("nb-failed"), failed);
        assertTrue(failed.contains("<div class=\"nb-error\" role=\"alert\" aria-label=\"error: java.lang.ArithmeticException\">"
                + "<pre><span class=\"ansi-red\">java.lang.ArithmeticException</span>: / by zero\n"
                + "<span class=\"ansi-bold\">at</span> divide (Cell In[4], line 3)</pre></div>"), failed);
        assertTrue(page.contains("<b>&#x2717; Failed</b> at <a href=\"#cell-5\">cell 5 (In [4])</a>: "
                + "java.lang.ArithmeticException: / by zero"), "the header names the failed cell: " + page);
    }

    @Test
    void cellsAfterTheFailureAreMarkedNotRun() throws Exception {
        String page = page();
        String never = cell(page, 6);
        assertTrue(never.contains("nb-not-run") && never.contains("In [ ]:") && never.contains("<span class=\"nb-badge\">not run</span>"), never);
        assertFalse(cell(page, 7).contains("nb-not-run"), "an empty cell has nothing to run");
        assertTrue(page.contains("&middot; 1 not run"), page);
    }

    @Test
    void markdownIsRenderedWithItsRawHtmlAsText() throws Exception {
        String md = cell(page(), 1);
        assertTrue(md.contains("<h1>Spam &lt;i&gt;check&lt;/i&gt;</h1>"), md);
        assertTrue(md.contains("<table>") && md.contains("<th>column</th>") && md.contains("<td align=\"right\">5,574</td>"), md);
        assertTrue(md.contains("&lt;script&gt;alert(&#39;markdown&#39;)&lt;/script&gt;") || md.contains("&lt;script&gt;alert('markdown')&lt;/script&gt;"), md);
    }

    @Test
    void theHeaderSaysWhenAndHowLongFromTheCellTimings() throws Exception {
        String page = page();
        assertTrue(page.contains("Ran 2026-11-22 10:00:00 UTC, took 3.3 s &middot; kernel Assay (Java)"), page);
        assertTrue(cell(page, 2).contains("In [1]: <span class=\"nb-time\">1.5 s</span>"), cell(page, 2));
        assertTrue(cell(page, 2).contains("<span class=\"nb-badge\">parameters</span>"), "tags shown");
    }

    @Test
    void aNotebookThatRanThroughPasses() throws Exception {
        JsonNode nb = JSON.readTree("""
            {"nbformat": 4, "nbformat_minor": 4, "metadata": {}, "cells": [
              {"cell_type": "code", "execution_count": 1, "metadata": {}, "source": "1", "outputs": []},
              {"cell_type": "code", "execution_count": null, "metadata": {}, "source": "", "outputs": []},
              {"cell_type": "code", "execution_count": 2, "metadata": {}, "source": "2", "outputs": []}]}
            """);
        String page = NotebookHtml.html(nb, "ok.ipynb");
        assertTrue(page.contains("<p class=\"nb-status pass\"><b>All 2 code cells ran</b></p>"), "an empty cell has nothing to run: " + page);
        assertFalse(page.contains("kernel "), "no kernel named when the notebook names none");
        assertEquals(3, page.split("class=\"nb-cell nb-code\"", -1).length - 1, page);
    }
}
