package dev.assay.viz.rows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.check.CheckResult;
import dev.assay.dsl.check.Measure;
import dev.assay.dsl.check.RuleOutcome;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.RendererRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A check as text, HTML with its failed rules marked, and its JSON (docs/architecture.md). */
class CheckResultRendererTest {

    private final RendererRegistry registry = RendererRegistry.withDefaults();
    private static final String PINNED = "sha256:" + "ab".repeat(32);

    @Test
    void everyRuleWithItsValueAndVerdict() {
        CheckResult check = new CheckResult("train", List.of(
                RuleOutcome.measured(Measure.rows().atLeast(1000), 4027),
                RuleOutcome.measured(Measure.missing("text").percent().lessThan(1), 1.25),
                RuleOutcome.unmeasurable(Measure.mean("score").lessThan(3), "'score' has no values"),
                RuleOutcome.fingerprint(Measure.fingerprint().equalTo("train@1"), PINNED, PINNED)));
        MimeBundle b = registry.render(check);
        assertEquals(String.join("\n",
                "Check train FAILED: 2 of 4 rules did not hold",
                "rule                    | measured                     | verdict",
                "------------------------+------------------------------+--------",
                "rows >= 1000            |                        4,027 | pass   ",
                "missing(text) < 1%      |                        1.25% | FAIL   ",
                "mean(score) < 3         | none ('score' has no values) | FAIL   ",
                "fingerprint = 'train@1' |         sha256:abababababab… | pass"), b.plainText());
        String html = (String) b.data().get(MimeBundle.TEXT_HTML);
        assertEquals(2, html.split("background:#fbe3d6", -1).length - 1, "the failed rules are highlighted");
        assertTrue(html.contains("mean(score) &lt; 3"), "rule text is escaped");
        Map<?, ?> json = (Map<?, ?>) b.data().get(MimeBundle.RESULT_JSON);
        assertEquals(false, json.get("passed"));
        assertEquals(Map.of("rule", "missing(text) < 1%", "value", 1.25, "passed", false),
                ((List<?>) json.get("rules")).get(1));
        assertEquals(4027L, ((Map<?, ?>) ((List<?>) json.get("rules")).get(0)).get("value"));
    }
}
