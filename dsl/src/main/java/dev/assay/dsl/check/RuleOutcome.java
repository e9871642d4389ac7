package dev.assay.dsl.check;

import dev.assay.dsl.result.JsonValue;
import java.util.Map;

/**
 * A rule and what was measured. {@code value} is in the rule's unit (percent for a percentage
 * rule) and null when there was nothing to measure (the mean of no values, a share of no
 * rows), which fails the rule and says why in {@code note}. A fingerprint rule's value is 1
 * when the fingerprints are equal, else 0; {@code actual} and {@code expected} carry them.
 */
public record RuleOutcome(Rule rule, Double value, boolean passed, String actual, String expected, String note) {

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
        return json;
    }
}
