package dev.assay.dsl.suggest;

import dev.assay.dsl.result.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A check statement suggested from a dataset's profile: its rules with the reason of each,
 * and, tried on a holdout ({@code holdout}, null without one), the rules widened or dropped
 * because the holdout broke them. {@link #statement()} is ready to paste into a cell.
 * {@code skipped} names the columns no rule can name.
 */
public record Suggestion(String dataset, String holdout, List<SuggestedRule> rules, List<WidenedRule> widened,
                         List<DroppedRule> dropped, List<SkippedColumn> skipped) {

    public Suggestion {
        rules = List.copyOf(rules);
        widened = List.copyOf(widened);
        dropped = List.copyOf(dropped);
        skipped = List.copyOf(skipped);
    }

    /** {@code check NAME: rule, rule, ...}, the final rules in order, on one line. */
    public String statement() {
        return "check " + dataset + ": " + rules.stream().map(r -> r.rule().text()).collect(Collectors.joining(", "));
    }

    /** {"kind":"suggestion","dataset","holdout","statement","rules","widened","dropped","skipped"}: docs/architecture.md. */
    public Map<String, Object> toJson() {
        return JsonValue.object("kind", "suggestion", "dataset", dataset, "holdout", holdout, "statement", statement(),
                "rules", rules.stream().map(SuggestedRule::toJson).toList(),
                "widened", widened.stream().map(WidenedRule::toJson).toList(),
                "dropped", dropped.stream().map(DroppedRule::toJson).toList(),
                "skipped", skipped.stream().map(SkippedColumn::toJson).toList());
    }
}
