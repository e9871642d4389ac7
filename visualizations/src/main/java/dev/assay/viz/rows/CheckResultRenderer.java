package dev.assay.viz.rows;

import dev.assay.dsl.check.CheckResult;
import dev.assay.dsl.check.RuleOutcome;
import dev.assay.dsl.check.Values;
import dev.assay.dsl.store.Fingerprint;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.Renderer;
import java.util.ArrayList;
import java.util.List;

/** A check: one verdict sentence, then every rule with its measured value; failed rules are highlighted. */
public final class CheckResultRenderer implements Renderer<CheckResult> {

    @Override
    public MimeBundle render(CheckResult check) {
        int failed = check.failures().size();
        int total = check.rules().size();
        String verdict = failed == 0
                ? "Check " + check.dataset() + " passed: " + (total == 1 ? "its rule holds" : "all " + total + " rules hold")
                : "Check " + check.dataset() + " FAILED: " + failed + " of " + total + (total == 1 ? " rule" : " rules")
                        + " did not hold";
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"rule", "measured", "verdict"});
        boolean[] marked = new boolean[total];
        for (int i = 0; i < total; i++) {
            RuleOutcome o = check.rules().get(i);
            rows.add(new String[] {o.rule().text(), measured(o), o.passed() ? "pass" : "FAIL"});
            marked[i] = !o.passed();
        }
        return new Sections().table(verdict, rows, new boolean[] {false, true, false}, marked)
                .bundle("assay-check", check.toJson());
    }

    /** The value in the rule's unit; a fingerprint rule shows the fingerprint itself, shortened. */
    private static String measured(RuleOutcome o) {
        if (o.actual() != null) {
            return new Fingerprint(o.actual()).shortForm() + "…"; // the whole one is in the JSON
        }
        if (o.value() == null) {
            return "none (" + o.note() + ")";
        }
        return Values.format(o.value()) + (o.rule().measure().inPercent() ? "%" : "");
    }
}
