package dev.assay.dsl.check;

import dev.assay.dsl.baseline.BaselineComparison;
import dev.assay.dsl.baseline.BaselineVersions;
import dev.assay.dsl.baseline.Tolerance;
import dev.assay.dsl.history.VersionMetrics;
import dev.assay.dsl.store.StoredVersion;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * How {@code MEASURE within N%} and {@code MEASURE within N sd} are measured: the value now from
 * the check's one scan, as the measure reads it in a plain rule; the baseline's values from the
 * metrics kept with its versions (no pass over their data).
 */
final class BaselineReadings {

    private BaselineReadings() {
    }

    /** The baseline of a check against one; a baseline rule in a check without one is refused, saying what to add. */
    static BaselineVersions required(Rule rule, CheckTarget data) {
        return data.baseline().orElseThrow(() -> new IllegalArgumentException(rule.text()
                + " compares with pinned versions: write check " + data.name() + " against 'LABEL': " + rule.text()));
    }

    static Reading within(Rule rule, CheckTarget data) {
        BaselineVersions versions = required(rule, data);
        // The same measure as a plain rule reads its value now; its verdict is not used.
        Reading now = rule.measure().plan(new Rule(rule.measure(), Operator.NOT_EQUAL, BigDecimal.ZERO, null), data);
        return () -> {
            RuleOutcome current = now.outcome();
            if (current.value() == null) {
                return RuleOutcome.unmeasurable(rule, current.note());
            }
            if (versions.latest().isEmpty()) {
                return RuleOutcome.compared(rule, current.value(), false, versions.noneLeft(), null);
            }
            return rule.within().kind() == Tolerance.Kind.PERCENT
                    ? percent(rule, data, versions.latest().get(), current.value())
                    : sd(rule, data, versions, current.value());
        };
    }

    private static RuleOutcome percent(Rule rule, CheckTarget data, StoredVersion baseline, double value) {
        VersionMetrics metrics = data.metrics(baseline);
        Double was = rule.measure().metricValue().of(metrics);
        if (was == null) {
            return RuleOutcome.compared(rule, value, false, noValue(rule.measure(), baseline, metrics),
                    new BaselineComparison(baseline.ref(), null, null, List.of(baseline.version()), null));
        }
        Tolerance.Band band = rule.within().around(was);
        boolean passed = band.holds(value);
        String note = was == 0 && !passed ? "a baseline of 0 allows only 0" : null;
        return RuleOutcome.compared(rule, value, passed, note,
                new BaselineComparison(baseline.ref(), was, band, List.of(baseline.version()), null));
    }

    private static RuleOutcome sd(Rule rule, CheckTarget data, BaselineVersions versions, double value) {
        List<Double> values = new ArrayList<>();
        List<Integer> used = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (StoredVersion v : versions.used()) {
            VersionMetrics metrics = data.metrics(v);
            Double was = rule.measure().metricValue().of(metrics);
            if (was == null) {
                without.add(noValue(rule.measure(), v, metrics));
            } else {
                values.add(was);
                used.add(v.version());
            }
        }
        Tolerance.Band band = rule.within().around(values);
        String against = versions.latest().get().ref();
        if (band == null) {
            String note = "within " + rule.within().text() + " needs at least " + Tolerance.MIN_SD_VERSIONS
                    + " baseline versions with a value; '" + versions.label() + "' has " + values.size()
                    + (used.isEmpty() ? "" : " (" + versions.label() + "@" + used.stream().map(String::valueOf)
                            .reduce((a, b) -> a + ", @" + b).orElse("") + ")")
                    + leftOutText(versions) + (without.isEmpty() ? "" : "; " + String.join("; ", without));
            return RuleOutcome.compared(rule, value, false, note, new BaselineComparison(against, null, null, used, null));
        }
        boolean passed = band.holds(value);
        String note = band.slack() == 0 && !passed ? "the baseline versions' values are all equal (sd 0): only "
                + band.center() + " is allowed" : null;
        return RuleOutcome.compared(rule, value, passed, note, new BaselineComparison(against, band.center(), band, used, null));
    }

    private static String leftOutText(BaselineVersions versions) {
        return versions.leftOut().isEmpty() ? "" : ", " + versions.leftOut().size() + " left out ("
                + String.join("; ", versions.leftOut().stream().map(l -> "@" + l.version() + ": " + l.reason()).toList()) + ")";
    }

    /** Why a version has no value of the measure: a column it does not have, or no value in that column. */
    private static String noValue(Measure measure, StoredVersion version, VersionMetrics metrics) {
        List<String> columns = metrics.columnNames();
        for (String argument : measure.arguments()) {
            if (!columns.contains(argument)) {
                return "the baseline " + version.ref() + " has no column '" + argument + "'";
            }
        }
        return "the baseline " + version.ref() + " has no value of " + measure.text();
    }
}
