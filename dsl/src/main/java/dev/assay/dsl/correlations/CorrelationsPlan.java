package dev.assay.dsl.correlations;

import java.util.List;

/**
 * What {@code correlations} is asked: the columns (every column the method applies to when
 * empty) and the method, e.g. {@code CorrelationsPlan.on("price", "carat").using(CorrelationMethod.SPEARMAN)}.
 */
public record CorrelationsPlan(List<String> columns, CorrelationMethod method) {

    public CorrelationsPlan {
        columns = List.copyOf(columns);
    }

    /** Every column the method applies to, by {@code auto}. */
    public static CorrelationsPlan all() {
        return new CorrelationsPlan(List.of(), CorrelationMethod.AUTO);
    }

    public static CorrelationsPlan on(String... columns) {
        return new CorrelationsPlan(List.of(columns), CorrelationMethod.AUTO);
    }

    public static CorrelationsPlan on(List<String> columns) {
        return new CorrelationsPlan(columns, CorrelationMethod.AUTO);
    }

    public CorrelationsPlan using(CorrelationMethod chosen) {
        return new CorrelationsPlan(columns, chosen);
    }
}
