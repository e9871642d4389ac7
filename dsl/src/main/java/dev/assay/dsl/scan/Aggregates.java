package dev.assay.dsl.scan;

import dev.assay.dsl.engine.SqlDialect;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The aggregates several operations ask of a column; an operation's own ones implement {@link Aggregate} beside it. */
public final class Aggregates {

    private Aggregates() {
    }

    /** Non-missing values (NaN is missing). */
    public static Aggregate<Long> count() {
        return of("count", Aggregate.Over.ROWS, (d, x) -> "count(" + x + ")", Aggregates::asLong);
    }

    public static Aggregate<Object> min() {
        return of("min", Aggregate.Over.ROWS, (d, x) -> "min(" + x + ")", raw -> raw);
    }

    public static Aggregate<Object> max() {
        return of("max", Aggregate.Over.ROWS, (d, x) -> "max(" + x + ")", raw -> raw);
    }

    /**
     * The mean of a number column, null without values. Exact numbers are averaged by the engine
     * (its sum does not round); floats through a compensated sum, as numpy's pairwise sum is
     * nearly as exact, so the two agree to the last digit or two.
     */
    public static Aggregate<Double> mean(boolean exactNumbers) {
        return of(exactNumbers ? "mean:exact" : "mean:float", Aggregate.Over.ROWS,
                (d, x) -> exactNumbers ? d.exactMean(x)
                        : d.compensatedSum(d.castDouble(x)) + " / NULLIF(count(" + x + "), 0)",
                Aggregates::asDouble);
    }

    /** The sample standard deviation (n - 1), as pandas; null below two values. */
    public static Aggregate<Double> std() {
        return of("std", Aggregate.Over.ROWS, (d, x) -> "stddev_samp(" + d.castDouble(x) + ")", Aggregates::asDouble);
    }

    /** Exact quantiles with linear interpolation, as pandas and numpy; null without values. */
    public static Aggregate<List<Double>> quantiles(List<Double> probabilities) {
        return quantilesOf("quantiles:" + probabilities, probabilities, (d, x) -> d.castDouble(x));
    }

    /**
     * Exact quantiles of a DOUBLE expression of the column's value ({@code key} names it), in one
     * aggregate or, where the engine's exact quantile runs in one task, in distributed rounds.
     */
    public static Aggregate<List<Double>> quantilesOf(String key, List<Double> probabilities,
                                                      BiFunction<SqlDialect, String, String> number) {
        return new ExactQuantiles(key, probabilities, number);
    }

    /** Distinct non-missing values, exactly. */
    public static Aggregate<Long> distinct() {
        return of("distinct", Aggregate.Over.VALUES, (d, x) -> "count(*)", Aggregates::asLong);
    }

    /**
     * The {@code limit} most frequent values of a column, ties by value, as a list of records
     * {v, n} (most frequent first) that {@code read} turns into the requester's value.
     */
    public static <T> Aggregate<T> mostFrequent(int limit, Function<Object, T> read) {
        return of("top:" + limit, Aggregate.Over.VALUES, (d, v) -> d.mostFrequent(v, Aggregate.COUNT, limit), read, limit);
    }

    /** An aggregate from its parts, for those that need no class of their own. */
    public static <T> Aggregate<T> of(String key, Aggregate.Over over, BiFunction<SqlDialect, String, String> sql,
                                      Function<Object, T> read) {
        return of(key, over, sql, read, 0);
    }

    /** An aggregate from its parts; {@code topLimit} above 0 marks top values (see {@link Aggregate#topLimit()}). */
    private static <T> Aggregate<T> of(String key, Aggregate.Over over, BiFunction<SqlDialect, String, String> sql,
                                       Function<Object, T> read, int topLimit) {
        return new Aggregate<>() {
            @Override
            public String key() {
                return key;
            }

            @Override
            public Over over() {
                return over;
            }

            @Override
            public String sql(SqlDialect dialect, String value) {
                return sql.apply(dialect, value);
            }

            @Override
            public T read(Object raw) {
                return read.apply(raw);
            }

            @Override
            public int topLimit() {
                return topLimit;
            }
        };
    }

    /** A count or sum as a long; an empty sum (no rows) is 0. */
    public static Long asLong(Object raw) {
        return raw == null ? 0L : ((Number) raw).longValue();
    }

    public static Double asDouble(Object raw) {
        return raw == null ? null : ((Number) raw).doubleValue();
    }
}
