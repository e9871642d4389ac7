package dev.assay.dsl.duplicates;

import java.util.List;
import java.util.Objects;

/**
 * What counts as the same row: the columns compared (none = all), whether text is
 * normalized first, and for near duplicates the Jaccard threshold of their shingle sets.
 * Build it fluently: {@code Match.on("text").normalized().near(0.8)}.
 */
public record Match(List<String> columns, boolean normalize, Double near) {

    public Match {
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        if (near != null && !(near > 0 && near <= 1)) {
            throw new IllegalArgumentException("the near threshold must be in (0, 1], got " + near);
        }
    }

    /** Whole rows, compared exactly. */
    public static Match allColumns() {
        return new Match(List.of(), false, null);
    }

    public static Match on(String... columns) {
        return new Match(List.of(columns), false, null);
    }

    public static Match on(List<String> columns) {
        return new Match(columns, false, null);
    }

    /** Text compared lower-cased, without punctuation, with white space collapsed. */
    public Match normalized() {
        return new Match(columns, true, near);
    }

    /** Also near duplicates: texts whose character-shingle sets have at least this Jaccard similarity. */
    public Match near(double threshold) {
        return new Match(columns, normalize, threshold);
    }

    public boolean isNear() {
        return near != null;
    }
}
