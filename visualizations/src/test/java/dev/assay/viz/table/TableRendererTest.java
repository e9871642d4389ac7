package dev.assay.viz.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.TablePreview;
import dev.assay.dsl.workspace.Workspace;
import dev.assay.viz.HtmlTables;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.RendererRegistry;
import dev.assay.viz.ShownColumns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableRendererTest {

    private static final TablePreview TABLE = new TablePreview("people",
            List.of(new Column("name", "VARCHAR"), new Column("age", "BIGINT")),
            List.of(Arrays.asList("<script>alert(1)</script>", 42L),
                    Arrays.asList("", null),
                    Arrays.asList("x".repeat(200), 7L)),
            1234);

    private final MimeBundle bundle = RendererRegistry.withDefaults().render(TABLE);

    @Test
    void htmlEscapesValuesAndMarksNullUnlikeEmpty() {
        String html = (String) bundle.data().get(MimeBundle.TEXT_HTML);
        assertFalse(html.contains("<script>"), "values are escaped");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains(">NULL</td>"));
        assertTrue(html.contains("''"), "an empty string is visibly not NULL");
        assertTrue(html.contains("text-align:right\">42</td>"), "numbers right-aligned");
        assertTrue(html.contains("<td style=\"text-align:right;color:#888;font-style:italic\">NULL</td>"),
                "a NULL aligned as its number column");
        assertEquals(List.of(), HtmlTables.misaligned(html), "headers aligned as their columns");
        assertTrue(html.contains("…"), "long text cut");
        assertTrue(html.contains("first 3 of 1,234 rows"));
        assertTrue(html.contains(">bigint</small>"), "types under names");
    }

    @Test
    void plainTextIsAnAlignedGrid() {
        String[] lines = bundle.plainText().split("\n");
        assertEquals("name", lines[0].substring(0, 4));
        assertTrue(lines[2].matches("-+-\\+--+"), lines[2]);
        assertEquals(lines[0].length(), lines[3].length(), "columns aligned");
        assertTrue(lines[4].endsWith("NULL"), lines[4]);
        assertEquals("people: first 3 of 1,234 rows, 2 columns", lines[lines.length - 1]);
    }

    @Test
    void jsonCarriesColumnsRowsAndTotal() {
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) bundle.data().get(MimeBundle.RESULT_JSON);
        assertEquals("table", json.get("kind"));
        assertEquals(1234L, json.get("total_rows"));
        assertEquals(Arrays.asList("", null), ((List<?>) json.get("rows")).get(1));
    }

    @Test
    void timestampsOnTheMinuteKeepTheirSeconds() {
        TablePreview times = new TablePreview("trips", List.of(new Column("pickup", "TIMESTAMP")),
                List.of(List.of(LocalDateTime.of(2019, 3, 4, 16, 19))), 1);
        MimeBundle b = RendererRegistry.withDefaults().render(times);
        assertTrue(b.plainText().contains("2019-03-04T16:19:00"), b.plainText());
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) b.data().get(MimeBundle.RESULT_JSON);
        assertEquals(List.of("2019-03-04T16:19:00"), ((List<?>) json.get("rows")).get(0));
    }

    @Test
    void wideTablesShowTheirFirstFiftyColumnsAndLongOnesTheirCount() {
        // 120 columns, a preview of 20 rows of a table of ten million.
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < 120; c++) {
            columns.add(new Column("column_" + c, c % 2 == 0 ? "DOUBLE" : "VARCHAR"));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < 20; r++) {
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < 120; c++) {
                row.add(c % 2 == 0 ? (Object) (r * 1.5 + c) : "r" + r + "&c" + c);
            }
            rows.add(row);
        }
        MimeBundle wide = RendererRegistry.withDefaults().render(new TablePreview("wide", columns, rows, 10_000_000L));
        String html = (String) wide.data().get(MimeBundle.TEXT_HTML);
        // Issue 21: a preview of 10,000 columns made megabytes of HTML; it shows the first 50 and says so.
        assertEquals(ShownColumns.LIMIT, html.split("<th[ >]", -1).length - 1, "the first 50 columns have a header");
        assertEquals(21, html.split("<tr[ >]", -1).length - 1, "header and 20 rows");
        assertTrue(html.contains("first 20 of 10,000,000 rows"), "the total count");
        assertTrue(html.contains("r19&amp;c49"), "the last cell shown, escaped");
        assertFalse(html.contains("column_50"), "no column after the 50th");
        String[] lines = wide.plainText().split("\n");
        assertEquals(lines[0].length(), lines[3].length(), "the text grid stays aligned however wide");
        assertTrue(lines[lines.length - 1].contains("first 20 of 10,000,000 rows, 120 columns; showing the first 50 of 120 columns"),
                lines[lines.length - 1]);
        Map<?, ?> json = (Map<?, ?>) wide.data().get(MimeBundle.RESULT_JSON);
        assertEquals(120, ((List<?>) json.get("columns")).size(), "the JSON keeps every column");
    }

    /** Issue 20 item 10: a load read as one column that another delimiter would split says so, in text, HTML and JSON. */
    @Test
    void aLoadShowsItsWarnings(@TempDir Path dir) throws Exception {
        Path commas = dir.resolve("commas.csv");
        Files.writeString(commas, "a,b,c\n1,2,3\n");
        try (var ws = Workspace.embedded()) {
            MimeBundle b = RendererRegistry.withDefaults().render(ws.load(commas.toString(), "c", Map.of("delimiter", ";")));
            String warning = "the first line is one column with delimiter ';' but 3 columns with ','";
            assertTrue(b.plainText().contains("\nWarning: " + warning), b.plainText());
            assertTrue(((String) b.data().get(MimeBundle.TEXT_HTML)).contains("<br>Warning: the first line is one column with delimiter"), "html");
            assertEquals(1, ((List<?>) ((Map<?, ?>) b.data().get(MimeBundle.RESULT_JSON)).get("warnings")).size());
        }
    }
}
