package dev.assay.viz.rows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.baseline.BaselineComparison;
import dev.assay.dsl.baseline.BaselineVersions;
import dev.assay.dsl.baseline.SchemaChange;
import dev.assay.dsl.baseline.Tolerance;
import dev.assay.dsl.check.CheckResult;
import dev.assay.dsl.check.Measure;
import dev.assay.dsl.check.Rule;
import dev.assay.dsl.check.RuleOutcome;
import dev.assay.dsl.engine.Column;
import dev.assay.dsl.store.Fingerprint;
import dev.assay.dsl.store.StoredVersion;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.RendererRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A check against a baseline: which versions, and for each baseline rule what it was compared with. */
class CheckAgainstBaselineRendererTest {

    private final RendererRegistry registry = RendererRegistry.withDefaults();

    private static StoredVersion version(int n) {
        return new StoredVersion("nightly", n, new Fingerprint("sha256:" + String.valueOf(n).repeat(64)), 10,
                List.of(new Column("x", "DOUBLE")), Instant.EPOCH, List.of(), List.of(), "", 0);
    }

    @Test
    void baselineRulesShowTheBaselineTheRangeAndTheVersions() {
        Rule rows = Measure.rows().withinPercent(10);
        Rule mean = Measure.mean("x").withinSd(2);
        Rule schema = Rule.schemaUnchanged();
        BaselineVersions versions = new BaselineVersions("nightly", List.of(version(1), version(2), version(3)),
                List.of(new BaselineVersions.LeftOut(4, BaselineVersions.CHECK_FAILED)));
        CheckResult check = new CheckResult("tonight", List.of(
                RuleOutcome.compared(rows, 105.0, true, null, new BaselineComparison("nightly@3", 100.0,
                        Tolerance.percent(10).around(100), List.of(3), null)),
                RuleOutcome.compared(mean, 5.0, false, null, new BaselineComparison("nightly@3", 2.0,
                        Tolerance.sd(2).around(List.of(1.0, 2.0, 3.0)), List.of(1, 2, 3), null)),
                RuleOutcome.compared(schema, 1.0, false, "added y", new BaselineComparison("nightly@3", null, null,
                        List.of(3), SchemaChange.between(List.of(new Column("x", "DOUBLE")),
                                List.of(new Column("x", "DOUBLE"), new Column("y", "VARCHAR"))))),
                RuleOutcome.measured(Measure.rows().greaterThan(0), 105)), versions);
        MimeBundle b = registry.render(check);
        assertEquals(String.join("\n",
                "Check tonight FAILED: 2 of 4 rules did not hold",
                "Against 'nightly': baseline nightly@3; versions 1, 2, 3; left out: @4 (its latest check failed)",
                "rule                | measured | verdict | compared with",
                "--------------------+----------+---------+-------------------------------------------",
                "rows within 10%     |      105 | pass    | 100 in nightly@3, allowed 90 to 110",
                "mean(x) within 2 sd |        5 | FAIL    | mean 2 of versions 1, 2, 3, allowed 0 to 4",
                "schema unchanged    |        1 | FAIL    | nightly@3: added y",
                "rows > 0            |      105 | pass    |"), b.plainText().lines().map(String::stripTrailing)
                .reduce((x, y) -> x + "\n" + y).orElse(""));
        Map<?, ?> json = (Map<?, ?>) b.data().get(MimeBundle.RESULT_JSON);
        Map<?, ?> sd = (Map<?, ?>) ((List<?>) json.get("rules")).get(1);
        assertEquals(List.of(0.0, 4.0), sd.get("allowed"));
        assertEquals(List.of(1, 2, 3), sd.get("versions"));
        assertEquals(2.0, sd.get("baseline"));
        assertEquals(Map.of("rule", "rows > 0", "value", 105L, "passed", true), ((List<?>) json.get("rules")).get(3),
                "a plain rule's JSON as before");
        assertEquals(3, ((Map<?, ?>) json.get("baseline")).get("version"));
        assertTrue(((String) b.data().get(MimeBundle.TEXT_HTML)).contains("compared with"));
    }
}
