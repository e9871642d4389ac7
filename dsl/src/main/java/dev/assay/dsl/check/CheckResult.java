package dev.assay.dsl.check;

import dev.assay.dsl.baseline.BaselineVersions;
import dev.assay.dsl.result.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * Every rule of a check with its measured value and verdict; the check passes when every rule
 * does. A check against a baseline also names the versions it compared with ({@code baseline},
 * null otherwise).
 */
public record CheckResult(String dataset, List<RuleOutcome> rules, BaselineVersions baseline) {

    public CheckResult {
        rules = List.copyOf(rules);
    }

    public CheckResult(String dataset, List<RuleOutcome> rules) {
        this(dataset, rules, null);
    }

    public boolean passed() {
        return rules.stream().allMatch(RuleOutcome::passed);
    }

    public List<RuleOutcome> failures() {
        return rules.stream().filter(r -> !r.passed()).toList();
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = JsonValue.object("kind", "check", "dataset", dataset, "passed", passed(),
                "rules", rules.stream().map(RuleOutcome::toJson).toList());
        if (baseline != null) {
            json.put("baseline", baseline.toJson());
        }
        return json;
    }
}
