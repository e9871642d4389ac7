package dev.assay.dsl.suggest;

import dev.assay.dsl.check.Rule;
import dev.assay.dsl.result.JsonValue;
import java.util.Map;

/** A rule of the suggested check and why: what was observed and the margin given. */
public record SuggestedRule(Rule rule, String reason) {

    public Map<String, Object> toJson() {
        return JsonValue.object("rule", rule.text(), "reason", reason);
    }
}
