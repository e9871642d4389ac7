package dev.assay.dsl.labels;

import dev.assay.dsl.result.JsonValue;
import java.util.Map;

/**
 * How much one column tells about the label, exact over all labelled rows where the column is
 * not NULL: over its values ({@code "values"}: categorical columns, and numbers or times with at
 * most 20 distinct values) or over numpy's Sturges bins of its values ({@code "bins"}).
 * {@code cramersV} as scipy's {@code association(method="cramer")}, {@code mutualInformation}
 * in nats as scikit-learn's {@code mutual_info_score}, {@code normalizedMi} that over the
 * label's entropy; {@code missingCramersV} the same V for "the column is NULL" against the label,
 * over all labelled rows. A value is null where it is undefined (a constant column, a column
 * never or always NULL), and the column's {@code note} says why. {@code distinct} counts the
 * column's distinct non-null values among the labelled rows; {@code identifier} is true when
 * every such row has its own value.
 */
public record ColumnAssociation(String name, String over, long distinct, boolean identifier, Double cramersV,
                                Double mutualInformation, Double normalizedMi, Double missingCramersV, String note) {

    public Map<String, Object> toJson() {
        return JsonValue.object("name", name, "over", over, "distinct", distinct, "identifier", identifier,
                "cramers_v", cramersV, "mutual_information", mutualInformation, "normalized_mi", normalizedMi,
                "missing_cramers_v", missingCramersV, "note", note);
    }
}
