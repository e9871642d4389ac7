package dev.assay.viz.rows;

import dev.assay.dsl.check.CheckResult;
import dev.assay.dsl.check.RuleOutcome;
import dev.assay.dsl.check.Values;
import dev.assay.dsl.store.Fingerprint;
import dev.assay.viz.Counts;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.Renderer;
import dev.assay.viz.ShownColumns;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A check: one verdict sentence, then every rule with its measured value; failed rules are highlighted. */
public final class CheckResultRenderer implements Renderer<CheckResult> {

    @Override
    public MimeBundle render(CheckResult check) {
        int failed = check.failures().size();
        int total = check.rules().size();
        String verdict = failed == 0
                ? "Check " + check.dataset() + " passed: " + (total == 1 ? "its rule holds" : "all " + Counts.count(total) + " rules hold")
                : "Check " + check.dataset() + " FAILED: " + Counts.count(failed) + " of " + Counts.count(total) + (total == 1 ? " rule" : " rules")
                        + " did not hold";
        ShownColumns<RuleOutcome> shown = ShownColumns.byAttention(check.rules(),
                Comparator.comparing(RuleOutcome::passed), "the failed first");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"rule", "measured", "verdict"});
        boolean[] marked = new boolean[shown.shown().size()];
        for (RuleOutcome o : shown.shown()) {
            marked[rows.size() - 1] = !o.passed();
            rows.add(new String[] {o.rule().text(), measured(o), o.passed() ? "pass" : "FAIL"});
        }
        Sections s = new Sections();
        String note = shown.note("rules", ShownColumns.inJsonAnd("the CheckResult's rules()"));
        return s.table(s.above(verdict, note), rows, new boolean[] {false, true, false}, marked)
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
