package dev.assay.dsl.check;

import dev.assay.dsl.labels.LabelClasses;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code minority(LABEL)}: the smallest class's share of the labelled rows, as {@code labels}
 * reports {@code minority_share}: a fraction (0 to 1), or with {@code %} in percent (0 to 100).
 */
public record MinorityShare(String label, boolean inPercent) implements Measure {

    @Override
    public String name() {
        return "minority";
    }

    @Override
    public List<String> arguments() {
        return List.of(label);
    }

    @Override
    public Measure percent() {
        return new MinorityShare(label, true);
    }

    @Override
    public Reading plan(Rule rule, CheckTarget data) {
        Supplier<LabelClasses> classes = data.labelClasses(label);
        double scale = inPercent ? 100.0 : 1.0;
        return () -> LabelReadings.ofClasses(rule, data.name(), label, classes.get(),
                c -> c.minorityShare() == null ? null : scale * c.minorityShare());
    }
}
