package dev.assay.dsl.check;

import dev.assay.dsl.baseline.BaselineComparison;
import dev.assay.dsl.result.JsonValue;
import java.util.Map;

/**
 * A rule and what was measured. {@code value} is in the rule's unit (percent for a percentage
 * rule) and null when there was nothing to measure (the mean of no values, a share of no
 * rows), which fails the rule and says why in {@code note}. A fingerprint rule's value is 1
 * when the fingerprints are equal, else 0; {@code actual} and {@code expected} carry them.
 * A baseline rule carries what it compared with ({@code baseline}); a freshness rule the
 * latest time it found ({@code latest}, ISO-8601 in UTC).
 */
public record RuleOutcome(Rule rule, Double value, boolean passed, String actual, String expected, String note,
                          BaselineComparison baseline, String latest) {

    public RuleOutcome(Rule rule, Double value, boolean passed, String actual, String expected, String note) {
        this(rule, value, passed, actual, expected, note, null, null);
    }

    public static RuleOutcome measured(Rule rule, double value) {
        return new RuleOutcome(rule, value, rule.operator().holds(value, rule.limit().doubleValue()), null, null, null);
    }

    public static RuleOutcome unmeasurable(Rule rule, String note) {
        return new RuleOutcome(rule, null, false, null, null, note);
    }

    public static RuleOutcome fingerprint(Rule rule, String actual, String expected) {
        boolean equal = actual.equals(expected);
        return new RuleOutcome(rule, equal ? 1.0 : 0.0, equal == (rule.operator() == Operator.EQUAL), actual, expected,
                null);
    }

    /** A rule's outcome against a baseline: the value now (null when none), the verdict, why (or null) and what it compared with. */
    public static RuleOutcome compared(Rule rule, Double value, boolean passed, String note, BaselineComparison baseline) {
        return new RuleOutcome(rule, value, passed, null, null, note, baseline, null);
    }

    /** A freshness rule's outcome: its age in seconds and the latest time found. */
    public static RuleOutcome fresh(Rule rule, double seconds, String latest) {
        RuleOutcome measured = measured(rule, seconds);
        return new RuleOutcome(rule, seconds, measured.passed(), null, null, null, null, latest);
    }

    /** Counts as JSON integers (4027, not 4027.0); other values as they are. */
    private static Object jsonNumber(Double value) {
        if (value != null && value == Math.rint(value) && Math.abs(value) < 0x1p53) {
            return value.longValue();
        }
        return JsonValue.of(value);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = JsonValue.object("rule", rule.text(), "value", jsonNumber(value), "passed", passed);
        if (actual != null) {
            json.put("actual", actual);
            json.put("expected", expected);
        }
        if (note != null) {
            json.put("note", note);
        }
        if (baseline != null) {
            baseline.addTo(json);
        }
        if (latest != null) {
            json.put("latest", latest);
        }
        return json;
    }
}
