package dev.assay.viz.rows;

import dev.assay.dsl.baseline.BaselineComparison;
import dev.assay.dsl.baseline.BaselineVersions;
import dev.assay.dsl.baseline.Tolerance;
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

/**
 * A check: one verdict sentence, then every rule with its measured value; failed rules are
 * highlighted. A check against a baseline also says which versions it compared with, and each
 * rule what it was compared with (the baseline value, the allowed range, the versions used).
 */
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
        boolean against = check.baseline() != null;
        List<String[]> rows = new ArrayList<>();
        rows.add(against ? new String[] {"rule", "measured", "verdict", "compared with"}
                : new String[] {"rule", "measured", "verdict"});
        boolean[] marked = new boolean[shown.shown().size()];
        for (RuleOutcome o : shown.shown()) {
            marked[rows.size() - 1] = !o.passed();
            String[] row = {o.rule().text(), measured(o), o.passed() ? "pass" : "FAIL"};
            rows.add(against ? new String[] {row[0], row[1], row[2], comparedWith(o)} : row);
        }
        Sections s = new Sections();
        if (against) {
            s.line(verdict);
            verdict = baselineLine(check.baseline());
        }
        String note = shown.note("rules", ShownColumns.inJsonAnd("the CheckResult's rules()"));
        return s.table(s.above(verdict, note), rows, against ? new boolean[] {false, true, false, false}
                : new boolean[] {false, true, false}, marked).bundle("assay-check", check.toJson());
    }

    /** {@code Against 'nightly': baseline nightly@5; versions 1, 2, 3, 5; left out: @4 (its latest check failed)}. */
    private static String baselineLine(BaselineVersions b) {
        String line = "Against '" + b.label() + "': " + b.latest().map(v -> "baseline " + v.ref() + "; versions "
                + String.join(", ", b.usedNumbers().stream().map(String::valueOf).toList())).orElse("no version left");
        if (!b.leftOut().isEmpty()) {
            line += "; left out: " + String.join(", ", b.leftOut().stream().map(l -> "@" + l.version() + " (" + l.reason() + ")")
                    .toList());
        }
        return line;
    }

    /** What a baseline rule compared with, and why it failed when it has a value and still failed; empty for plain rules. */
    private static String comparedWith(RuleOutcome o) {
        BaselineComparison c = o.baseline();
        String unit = o.rule().measure().inPercent() ? "%" : "";
        String text = "";
        if (c != null) {
            if (c.schema() != null) {
                text = c.against() + ": " + c.schema().summary();
            } else if (c.baseline() != null && o.rule().within() != null
                    && o.rule().within().kind() == Tolerance.Kind.SD) {
                text = "mean " + Values.format(c.baseline()) + unit + " of versions " + String.join(", ",
                        c.versions().stream().map(String::valueOf).toList());
            } else if (c.baseline() != null) {
                text = Values.format(c.baseline()) + unit + " in " + c.against();
            } else {
                text = c.against();
            }
            if (c.allowed() != null) {
                text += ", allowed " + Values.format(c.allowed().low()) + unit + " to " + Values.format(c.allowed().high()) + unit;
            }
        }
        if (o.note() != null && o.value() != null && (c == null || c.schema() == null)) {
            text += (text.isEmpty() ? "" : "; ") + o.note();
        }
        return text;
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
