package dev.assay.dsl.check;

import dev.assay.dsl.labels.LabelClasses;
import java.util.function.Function;

/** What the label measures share: a value of the label's classes, which has nothing to measure without labels. */
final class LabelReadings {

    private LabelReadings() {
    }

    static RuleOutcome ofClasses(Rule rule, String dataset, String label, LabelClasses classes,
                                 Function<LabelClasses, Double> value) {
        Double v = value.apply(classes);
        return v == null ? noLabels(rule, dataset, label) : RuleOutcome.measured(rule, v);
    }

    static RuleOutcome noLabels(Rule rule, String dataset, String label) {
        return RuleOutcome.unmeasurable(rule, dataset + " has no labelled rows ('" + label + "' is NULL in every row)");
    }
}
