package dev.assay.dsl.drift;

import dev.assay.dsl.profile.ColumnKind;

/**
 * One column of a {@link DriftValues} batch, counted: {@code w} is its place in the batch,
 * the counts are of values compared (missing ones left out) and of distinct values (both
 * sides together, and the reference's own); min and max are of both sides (NaN for text and
 * booleans, and when there are no values).
 */
record ColumnSummary(int w, String name, ColumnKind columnKind, boolean integer, long referenceValues, long currentValues,
                     long distinct, long referenceDistinct, double min, double max) {

    /** Numbers and times are numeric; booleans categorical; text free text or categorical by its reference values. */
    DriftKind driftKind() {
        if (numeric()) {
            return DriftKind.NUMERIC;
        }
        return columnKind == ColumnKind.BOOLEAN ? DriftKind.CATEGORICAL : DriftKind.ofText(referenceDistinct, referenceValues);
    }

    boolean numeric() {
        return columnKind == ColumnKind.NUMERIC || columnKind == ColumnKind.TEMPORAL;
    }

    boolean temporal() {
        return columnKind == ColumnKind.TEMPORAL;
    }

    /** The Sturges edges over both samples together, which psi, js and the distribution share. */
    double[] shareEdges() {
        return SturgesBins.edges(referenceValues + currentValues, min, max, integer);
    }

    /** The Sturges edges over the distinct values of both samples, which Hellinger's density uses (as Evidently). */
    double[] distinctEdges() {
        return SturgesBins.edges(distinct, min, max, integer);
    }
}
