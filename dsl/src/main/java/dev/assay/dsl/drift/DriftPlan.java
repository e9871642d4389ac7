package dev.assay.dsl.drift;

import java.util.List;
import java.util.Objects;

/**
 * What a drift comparison looks at: the columns (none = every column of the reference that
 * the current dataset also has), the method (null = chosen per column, as Evidently does)
 * and the threshold (null = the method's default). Build it fluently:
 * {@code DriftPlan.on("fare", "tip").using("psi").threshold(0.2)}.
 */
public record DriftPlan(List<String> columns, DriftMethod method, Double threshold) {

    public DriftPlan {
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
    }

    /** Every shared column, methods chosen per column, default thresholds. */
    public static DriftPlan auto() {
        return new DriftPlan(List.of(), null, null);
    }

    public static DriftPlan on(String... columns) {
        return new DriftPlan(List.of(columns), null, null);
    }

    public static DriftPlan on(List<String> columns) {
        return new DriftPlan(columns, null, null);
    }

    /** One method for every column: a keyword such as {@code "psi"}, or {@code "auto"}. */
    public DriftPlan using(String method) {
        return new DriftPlan(columns, DriftMethod.of(method), threshold);
    }

    public DriftPlan using(DriftMethod method) {
        return new DriftPlan(columns, method, threshold);
    }

    /** The p-value below which a test drifts, or the distance from which a distance does. */
    public DriftPlan threshold(double value) {
        return new DriftPlan(columns, method, value);
    }
}
