package dev.assay.dsl.suggest;

import dev.assay.dsl.check.Rule;
import dev.assay.dsl.result.JsonValue;
import java.util.Map;

/** A suggested rule the holdout broke, widened to cover the holdout's value: the new rule, the rule it was, and why. */
public record WidenedRule(Rule rule, Rule was, String reason) {

    public Map<String, Object> toJson() {
        return JsonValue.object("rule", rule.text(), "was", was.text(), "reason", reason);
    }
}
