package dev.assay.dsl.suggest;

import dev.assay.dsl.check.Rule;
import dev.assay.dsl.result.JsonValue;
import java.util.Map;

/** A suggested rule left out because the holdout broke it and widening it would say nothing, with why. */
public record DroppedRule(Rule rule, String reason) {

    public Map<String, Object> toJson() {
        return JsonValue.object("rule", rule.text(), "reason", reason);
    }
}
