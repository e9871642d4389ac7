package dev.assay.viz.rows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.check.Measure;
import dev.assay.dsl.suggest.DroppedRule;
import dev.assay.dsl.suggest.SuggestedRule;
import dev.assay.dsl.suggest.Suggestion;
import dev.assay.dsl.suggest.WidenedRule;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.RendererRegistry;
import dev.assay.viz.ShownColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A suggested check: the statement to copy, whole; its rules with reasons; widened and dropped ones; bounded tables. */
class SuggestionRendererTest {

    private final RendererRegistry registry = RendererRegistry.withDefaults();

    @Test
    void theStatementToCopyThenTheRulesWithReasonsThenWhatTheHoldoutChanged() {
        Suggestion s = new Suggestion("train", "valid", List.of(
                new SuggestedRule(Measure.rows().atLeast(801), "891 rows observed"),
                new SuggestedRule(Measure.unexpected("sex", "female", "<male>").equalTo(0), "2 categories & no other")),
                List.of(new WidenedRule(Measure.rows().atLeast(801), Measure.rows().atLeast(900), "the holdout has 891 rows")),
                List.of(new DroppedRule(Measure.missing("age").equalTo(0), "the holdout has 20% missing")), List.of());
        MimeBundle b = registry.render(s);
        String text = b.plainText();
        assertTrue(text.startsWith("Suggested check for train: 2 rules from its profile; tried on valid: 1 widened, 1 dropped."
                + " Copy it into a cell:\n\ncheck train: rows >= 801, unexpected(sex, 'female', '<male>') = 0\n"), text);
        assertTrue(text.contains("891 rows observed"), text);
        assertTrue(text.contains("rows >= 900"), "the rule it was: " + text);
        assertTrue(text.contains("the holdout has 20% missing"), text);
        String html = (String) b.data().get(MimeBundle.TEXT_HTML);
        assertTrue(html.contains("<pre class=\"assay-suggested-check\" style=\"user-select:all;white-space:pre-wrap\"><code>"
                + "check train: rows &gt;= 801, unexpected(sex, &#39;female&#39;, &#39;&lt;male&gt;&#39;) = 0</code></pre>"), html);
        assertTrue(html.contains("2 categories &amp; no other"), "reasons are escaped");
        assertFalse(html.contains("<male>"), "nothing unescaped");
        Map<?, ?> json = (Map<?, ?>) b.data().get(MimeBundle.RESULT_JSON);
        assertEquals("suggestion", json.get("kind"));
        assertEquals("valid", json.get("holdout"));
        assertEquals(Map.of("rule", "rows >= 801", "was", "rows >= 900", "reason", "the holdout has 891 rows"),
                ((List<?>) json.get("widened")).get(0));
        assertEquals(Map.of("rule", "missing(age) = 0", "reason", "the holdout has 20% missing"),
                ((List<?>) json.get("dropped")).get(0));
    }

    @Test
    void aThousandColumnSuggestionShowsTheFirstRulesAndSaysHowManyMoreWhileTheStatementKeepsAll() {
        List<SuggestedRule> rules = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            rules.add(new SuggestedRule(Measure.missing("c" + i / 3 + "_" + i % 3).equalTo(0), "no missing values observed"));
        }
        Suggestion s = new Suggestion("wide", null, rules, List.of(), List.of(), List.of());
        MimeBundle b = registry.render(s);
        String html = (String) b.data().get(MimeBundle.TEXT_HTML);
        String table = html.substring(html.indexOf("</pre>"));
        assertEquals(ShownColumns.LIMIT + 1, table.split("</tr>", -1).length - 1, "the header and the rows shown");
        assertTrue(table.contains("showing the first 50 of 3,000 rules"), table.substring(0, 600));
        assertTrue(html.contains("missing(c999_2) = 0</code></pre>"), "the statement carries every rule");
        String text = b.plainText();
        assertEquals(ShownColumns.LIMIT, text.split("no missing values observed", -1).length - 1);
        assertTrue(text.contains("missing(c999_2) = 0\n"), "so does the text to copy");
        assertEquals(3000, ((List<?>) ((Map<?, ?>) b.data().get(MimeBundle.RESULT_JSON)).get("rules")).size());
        assertTrue(html.length() < s.statement().length() + 40_000, "bounded beyond the statement: " + html.length());
    }
}
