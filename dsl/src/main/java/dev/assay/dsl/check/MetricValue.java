package dev.assay.dsl.check;

import dev.assay.dsl.history.VersionMetrics;

/**
 * A measure's value as the metrics kept with a pinned version have it (the profile's JSON
 * fields), so a baseline is read without touching the version's data. Null when the metrics
 * hold no value for it (a column the version does not have, a mean of no values).
 */
@FunctionalInterface
public interface MetricValue {

    Double of(VersionMetrics metrics);

    /** A number field of a column's profile ({@code missing}, {@code mean}, ...). */
    static MetricValue field(String column, String field) {
        return m -> m.number(column, field);
    }

    /** A count field as a percentage of {@code whole} (rows, values present, cells); null when the whole is 0. */
    static MetricValue share(MetricValue count, MetricValue whole) {
        return m -> {
            Double c = count.of(m);
            Double w = whole.of(m);
            return c == null || w == null || w == 0 ? null : 100.0 * c / w;
        };
    }

    /** The rows of the content. */
    static MetricValue rows() {
        return m -> (double) m.rows();
    }

    /** A count field of a column, or its percentage of the rows. */
    static MetricValue countOfRows(String column, String field, boolean inPercent) {
        MetricValue count = field(column, field);
        return inPercent ? share(count, rows()) : count;
    }
}
