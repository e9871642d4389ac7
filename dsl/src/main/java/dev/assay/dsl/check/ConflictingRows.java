package dev.assay.dsl.check;

import dev.assay.dsl.labels.LabelClasses;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * {@code conflicts(LABEL)}: labelled rows in groups whose features (every other column) are
 * equal but whose labels differ, as {@code labels NAME on LABEL} counts {@code conflict_rows};
 * percent of the labelled rows.
 */
public record ConflictingRows(String label, boolean inPercent) implements Measure {

    @Override
    public String name() {
        return "conflicts";
    }

    @Override
    public List<String> arguments() {
        return List.of(label);
    }

    @Override
    public Measure percent() {
        return new ConflictingRows(label, true);
    }

    @Override
    public Reading plan(Rule rule, CheckTarget data) {
        LongSupplier rows = data.conflictRows(label);
        Supplier<LabelClasses> classes = inPercent ? data.labelClasses(label) : null;
        return () -> {
            long conflicting = rows.getAsLong();
            if (!inPercent) {
                return RuleOutcome.measured(rule, conflicting);
            }
            long labelled = classes.get().labelledRows();
            return labelled == 0 ? LabelReadings.noLabels(rule, data.name(), label)
                    : RuleOutcome.measured(rule, 100.0 * conflicting / labelled);
        };
    }
}
