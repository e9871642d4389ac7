package dev.assay.dsl.check;

import dev.assay.dsl.result.JsonValue;
import java.util.List;
import java.util.Map;

/** Every rule of a check with its measured value and verdict; the check passes when every rule does. */
public record CheckResult(String dataset, List<RuleOutcome> rules) {

    public CheckResult {
        rules = List.copyOf(rules);
    }

    public boolean passed() {
        return rules.stream().allMatch(RuleOutcome::passed);
    }

    public List<RuleOutcome> failures() {
        return rules.stream().filter(r -> !r.passed()).toList();
    }

    public Map<String, Object> toJson() {
        return JsonValue.object("kind", "check", "dataset", dataset, "passed", passed(),
                "rules", rules.stream().map(RuleOutcome::toJson).toList());
    }
}
