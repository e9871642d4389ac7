package dev.assay.viz.rows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.correlations.CorrelatedPair;
import dev.assay.dsl.correlations.CorrelationFinding;
import dev.assay.dsl.correlations.CorrelationMethod;
import dev.assay.dsl.correlations.CorrelationNote;
import dev.assay.dsl.correlations.Correlations;
import dev.assay.viz.HtmlTables;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.RendererRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Correlations as text, escaped HTML, JSON and a heatmap: findings and notes first, pairs
 * strongest first numbered as in the picture; beyond 50 columns no heatmap but the 50
 * strongest pairs and how many were left out; a 1,000-column result stays small.
 */
class CorrelationsRendererTest {

    private final RendererRegistry registry = RendererRegistry.withDefaults();

    /** price ~ carat 0.97, price ~ depth -0.8, carat ~ depth 0.1; const has no correlation. Pairs given weakest first. */
    static Correlations diamonds() {
        List<String> columns = List.of("price", "carat", "<b>depth</b>", "const");
        List<List<Double>> matrix = List.of(
                Arrays.asList(1.0, 0.97, -0.8, null),
                Arrays.asList(0.97, 1.0, 0.1, null),
                Arrays.asList(-0.8, 0.1, 1.0, null),
                Arrays.asList(null, null, null, null));
        List<CorrelatedPair> pairs = List.of(
                new CorrelatedPair("carat", "<b>depth</b>", CorrelationMethod.PEARSON, 0.1),
                new CorrelatedPair("price", "<b>depth</b>", CorrelationMethod.PEARSON, -0.8),
                new CorrelatedPair("price", "carat", CorrelationMethod.PEARSON, 0.97));
        return new Correlations("diamonds", CorrelationMethod.PEARSON, columns, matrix, pairs,
                List.of(new CorrelationNote("const", "constant: every value is 1 <x>, so no correlation (NaN in pandas)")),
                List.of(new CorrelationFinding("price", "carat", "strong", "price and carat: 0.97 above 0.95")));
    }

    /** {@code n} columns c0, c1, ...; the pair (i, j) has the value (i + j) / (2n), so the last columns' pairs are strongest. */
    static Correlations wide(int n) {
        List<String> columns = new ArrayList<>();
        List<List<Double>> matrix = new ArrayList<>();
        List<CorrelatedPair> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            columns.add("c" + i);
            List<Double> row = new ArrayList<>(n);
            for (int j = 0; j < n; j++) {
                row.add(i == j ? 1.0 : (i + j) / (2.0 * n));
            }
            matrix.add(row);
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                pairs.add(new CorrelatedPair("c" + i, "c" + j, CorrelationMethod.SPEARMAN, (i + j) / (2.0 * n)));
            }
        }
        return new Correlations("wide", CorrelationMethod.SPEARMAN, columns, matrix, pairs, List.of(), List.of());
    }

    private static String html(MimeBundle b) {
        return (String) b.data().get(MimeBundle.TEXT_HTML);
    }

    @Test
    void findingsAndNotesFirstThenPairsStrongestFirst() {
        Correlations c = diamonds();
        MimeBundle b = registry.render(c);
        String text = b.plainText();
        assertTrue(text.startsWith("Correlations of diamonds by pearson: 4 columns, 3 pairs with a value, 1 above 0.95"), text);
        assertTrue(text.indexOf("1 finding:") < text.indexOf("Columns without a correlation"), text);
        assertTrue(text.indexOf("Columns without a correlation") < text.indexOf("The strongest pairs"), text);
        String[] pairs = text.substring(text.indexOf("The strongest pairs")).split("\n");
        assertTrue(pairs[3].matches("1 \\| price \\| carat +\\| pearson \\| +0\\.97"), pairs[3]);
        assertTrue(pairs[4].matches("2 \\| price \\| <b>depth</b> \\| pearson \\| +-0\\.8"), "the sign is kept: " + pairs[4]);
        assertTrue(pairs[5].matches("3 \\| carat \\| <b>depth</b> \\| pearson \\| +0\\.1"), pairs[5]);
        String h = html(b);
        assertFalse(h.contains("<b>depth</b>"), "names are escaped");
        assertFalse(h.contains("<x>"), "notes are escaped");
        assertTrue(h.contains("&lt;b&gt;depth&lt;/b&gt;"), h);
        assertEquals(List.of(), HtmlTables.misaligned(h));
        assertEquals(c.toJson(), b.data().get(MimeBundle.RESULT_JSON));
        assertNotNull(b.data().get(MimeBundle.IMAGE_PNG), "the heatmap is drawn");
        assertTrue(h.contains("alt=\"correlation heatmap\""), "and shown in the HTML");
    }

    @Test
    void fiftyColumnsAreAHeatmapWithTheTenStrongestPairsNumbered() {
        MimeBundle b = registry.render(wide(50));
        assertNotNull(b.data().get(MimeBundle.IMAGE_PNG));
        String text = b.plainText();
        assertTrue(text.contains("showing the 10 strongest of 1,225 pairs, 1,215 left out"), text);
        assertTrue(text.contains(" 1 | c48 | c49 | spearman |  0.97"), "the strongest pair first: " + text);
        assertFalse(text.contains("No heatmap"), text);
    }

    @Test
    void beyondFiftyColumnsTheFiftyStrongestPairsAndNoHeatmap() {
        MimeBundle b = registry.render(wide(51));
        assertNull(b.data().get(MimeBundle.IMAGE_PNG), "no heatmap of 51 columns");
        String text = b.plainText();
        assertTrue(text.contains("No heatmap beyond 50 columns"), text);
        assertTrue(text.contains("showing the 50 strongest of 1,275 pairs, 1,225 left out"), text);
        assertTrue(html(b).contains("showing the 50 strongest of 1,275 pairs, 1,225 left out"));
        assertTrue(text.contains(MimeBundle.RESULT_JSON), "says where the rest is");
        assertEquals(50, html(b).split("<td style=\"text-align:right;white-space:pre-wrap\" title=\"[0-9]+\">", -1).length - 1,
                "fifty numbered rows");
    }

    @Test
    void aThousandColumnsStaySmallToDisplay() {
        MimeBundle b = registry.render(wide(1_000));
        long displayed = b.plainText().getBytes(StandardCharsets.UTF_8).length + html(b).getBytes(StandardCharsets.UTF_8).length;
        assertTrue(displayed < 100_000, displayed + " bytes displayed");
        assertTrue(b.plainText().contains("showing the 50 strongest of 499,500 pairs, 499,450 left out"), b.plainText());
        assertEquals(1_000, ((List<?>) ((Map<?, ?>) b.data().get(MimeBundle.RESULT_JSON)).get("matrix")).size(),
                "the JSON keeps the whole matrix");
    }

    @Test
    void oneColumnHasNoPairAndSaysWhy() {
        Correlations one = new Correlations("d", CorrelationMethod.AUTO, List.of("x"), List.of(Arrays.asList((Double) null)),
                List.of(), List.of(new CorrelationNote("x", "only NULL values")), List.of());
        MimeBundle b = registry.render(one);
        assertTrue(b.plainText().contains("No pair has a value: correlations need two columns or more."), b.plainText());
        assertTrue(b.plainText().contains("only NULL values"), b.plainText());
        assertTrue(b.plainText().contains("No findings"), b.plainText());
    }
}
