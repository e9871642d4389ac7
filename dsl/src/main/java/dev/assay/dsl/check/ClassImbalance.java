package dev.assay.dsl.check;

import dev.assay.dsl.labels.LabelClasses;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code imbalance(LABEL)}: the largest class's count over the smallest's, as {@code labels}
 * reports {@code imbalance_ratio}; 1 for a single class. A ratio, never a percentage.
 */
public record ClassImbalance(String label) implements Measure {

    @Override
    public String name() {
        return "imbalance";
    }

    @Override
    public List<String> arguments() {
        return List.of(label);
    }

    @Override
    public Measure percent() {
        throw new IllegalArgumentException(text() + " is a ratio (largest class / smallest), not a percentage: write "
                + text() + " < 10");
    }

    @Override
    public Reading plan(Rule rule, CheckTarget data) {
        Supplier<LabelClasses> classes = data.labelClasses(label);
        return () -> LabelReadings.ofClasses(rule, data.name(), label, classes.get(), LabelClasses::imbalanceRatio);
    }
}
