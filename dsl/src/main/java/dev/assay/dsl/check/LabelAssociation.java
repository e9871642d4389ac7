package dev.assay.dsl.check;

import dev.assay.dsl.labels.ColumnAssociation;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code association(COL, LABEL)}: the normalized mutual information of a column with the label
 * (MI over the label's entropy, 0 to 1), as {@code labels} reports {@code normalized_mi}. Already
 * a share of the label's entropy, so never a percentage.
 */
public record LabelAssociation(String column, String label) implements Measure {

    @Override
    public String name() {
        return "association";
    }

    @Override
    public List<String> arguments() {
        return List.of(column, label);
    }

    @Override
    public Measure percent() {
        throw new IllegalArgumentException(text() + " is a normalized mutual information (0 to 1), not a percentage: "
                + "write " + text() + " < 0.9");
    }

    @Override
    public Reading plan(Rule rule, CheckTarget data) {
        if (column.equals(label)) {
            throw new IllegalArgumentException(text() + " measures another column against the label '" + label
                    + "': write association(COLUMN, " + label + ")");
        }
        Supplier<ColumnAssociation> association = data.association(column, label);
        return () -> {
            ColumnAssociation a = association.get();
            if (a == null || a.normalizedMi() == null) {
                String why = a == null ? "its type is not measured" : a.note() == null ? "it is undefined" : a.note();
                return RuleOutcome.unmeasurable(rule, "no association of '" + column + "' with '" + label + "': " + why);
            }
            return RuleOutcome.measured(rule, a.normalizedMi());
        };
    }
}
