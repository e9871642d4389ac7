package dev.assay.dsl.scan;

import dev.assay.dsl.engine.SqlDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Exact quantiles with linear interpolation (DuckDB's quantile_cont, numpy, pandas). Where the
 * engine's exact quantile is one distributed aggregate (DuckDB), it is that aggregate. Elsewhere
 * (Spark, whose percentile holds every value of the column in one task) it takes rounds that stay
 * distributed: (1) the count and a mergeable sketch at p - delta and p + delta of each p; (2) per
 * p, the count below the lower bracket, at it, up to the upper one, and the values strictly
 * between, from which Java picks the values at the ranks wanted and interpolates as DuckDB does.
 * When a rank falls outside the brackets (the sketch missed, or ties), the column tries once more
 * with brackets {@link #WIDER} times wider, and then the engine's one-task exact quantile.
 * docs/spark.md says what stays bounded.
 */
final class ExactQuantiles implements RefinedAggregate<List<Double>> {

    /** Spark's default accuracy of percentile_approx: the rank error is within count / ACCURACY. */
    static int accuracy = 10_000;
    /** Half the width of a bracket, in probability: several times the sketch's error. */
    static double delta = 4.0 / 10_000;
    static final int WIDER = 16;

    private final String key;
    private final List<Double> probabilities;
    private final BiFunction<SqlDialect, String, String> number;

    /** Quantiles of {@code number}, the column's value as a DOUBLE expression. */
    ExactQuantiles(String key, List<Double> probabilities, BiFunction<SqlDialect, String, String> number) {
        this.key = key;
        this.probabilities = List.copyOf(probabilities);
        this.number = number;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public Over over() {
        return Over.ROWS;
    }

    @Override
    public String sql(SqlDialect d, String value) {
        return d.exactQuantiles(number.apply(d, value), probabilities);
    }

    @Override
    public List<Double> read(Object raw) {
        return raw == null ? null : ((List<?>) raw).stream().map(Aggregates::asDouble).toList();
    }

    @Override
    public Aggregate<Refinement<List<Double>>> firstRound(SqlDialect d) {
        return d.exactQuantilesInOneAggregate() ? null : sketch("sketch:" + key, delta, false);
    }

    /** The count and the bracket values of every probability, from the sketch. */
    private Aggregate<Refinement<List<Double>>> sketch(String name, double halfWidth, boolean wider) {
        List<Double> bounds = new ArrayList<>();
        for (double p : probabilities) {
            bounds.add(Math.max(0, p - halfWidth));
            bounds.add(Math.min(1, p + halfWidth));
        }
        return Aggregates.of(name, Over.ROWS, (d, x) -> d.struct(List.of(Map.entry("n", "count(" + x + ")"),
                Map.entry("q", d.approximateQuantiles(number.apply(d, x), bounds, accuracy)))), raw -> {
                    Map<?, ?> found = (Map<?, ?>) raw;
                    long n = Aggregates.asLong(found.get("n"));
                    if (n == 0) {
                        return Refinement.done(null);
                    }
                    List<Double> q = ((List<?>) found.get("q")).stream().map(Aggregates::asDouble).toList();
                    return Refinement.then(brackets(n, q, wider));
                });
    }

    /** Round 2: around each bracket, the counts and the values between; the quantiles if every rank is inside. */
    private Aggregate<Refinement<List<Double>>> brackets(long n, List<Double> bounds, boolean wider) {
        return Aggregates.of("brackets:" + key, Over.ROWS, (d, x) -> {
            String v = number.apply(d, x);
            List<Map.Entry<String, String>> fields = new ArrayList<>();
            for (int i = 0; i < probabilities.size(); i++) {
                String lo = literal(d, bounds.get(2 * i));
                String hi = literal(d, bounds.get(2 * i + 1));
                fields.add(Map.entry("b" + i, d.struct(List.of(
                        Map.entry("below", "count(CASE WHEN " + v + " < " + lo + " THEN 1 END)"),
                        Map.entry("at", "count(CASE WHEN " + v + " = " + lo + " THEN 1 END)"),
                        Map.entry("upto", "count(CASE WHEN " + v + " <= " + hi + " THEN 1 END)"),
                        Map.entry("between", d.collectList(v) + " FILTER (WHERE " + v + " > " + lo + " AND " + v + " < "
                                + hi + ")")))));
            }
            return d.struct(fields);
        }, raw -> {
            List<Double> quantiles = new ArrayList<>();
            for (int i = 0; i < probabilities.size(); i++) {
                Bracket bracket = Bracket.of((Map<?, ?>) ((Map<?, ?>) raw).get("b" + i), bounds.get(2 * i), bounds.get(2 * i + 1));
                Double quantile = interpolated(bracket, n, probabilities.get(i));
                if (quantile == null) {
                    return Refinement.then(wider ? oneTask() : sketch("wider:" + key, delta * WIDER, true));
                }
                quantiles.add(quantile);
            }
            return Refinement.done(quantiles);
        });
    }

    /** The last resort: the engine's exact quantile, which may hold the column in one task. */
    private Aggregate<Refinement<List<Double>>> oneTask() {
        return Aggregates.of("exact:" + key, Over.ROWS, this::sql, raw -> Refinement.done(read(raw)));
    }

    /**
     * DuckDB's quantile_cont: h = (n - 1) p, the values at ranks floor(h) and ceil(h), and with
     * d = h - floor(h), lo (1 - d) + hi d when they differ (not numpy's lo + (hi - lo) d, which
     * differs in the last bit now and then); null when a rank is outside the bracket.
     */
    static Double interpolated(Bracket bracket, long n, double p) {
        double h = (double) (n - 1) * p;
        long below = (long) Math.floor(h);
        long above = (long) Math.ceil(h);
        Double lo = bracket.at(below);
        if (lo == null || below == above) {
            return lo;
        }
        Double hi = bracket.at(above);
        double d = h - below;
        return hi == null ? null : lo * (1 - d) + hi * d;
    }

    /** A literal of a bracket value, infinities included (both engines read 'Infinity' as a DOUBLE). */
    private static String literal(SqlDialect d, double value) {
        return Double.isFinite(value) ? d.doubleLiteral(value) : d.castDouble(d.quoteLiteral(value > 0 ? "Infinity" : "-Infinity"));
    }

    /** What round 2 saw around one bracket [lo, hi]: the values at ranks below, through upto - 1, in order. */
    record Bracket(double lo, double hi, long below, long at, long upto, double[] between) {

        static Bracket of(Map<?, ?> raw, double lo, double hi) {
            Object list = raw.get("between");
            double[] values = list == null ? new double[0]
                    : ((List<?>) list).stream().mapToDouble(v -> ((Number) v).doubleValue()).sorted().toArray();
            return new Bracket(lo, hi, Aggregates.asLong(raw.get("below")), Aggregates.asLong(raw.get("at")),
                    Aggregates.asLong(raw.get("upto")), values);
        }

        /** The value at a 0-based rank of the sorted column, or null when the bracket does not reach it. */
        Double at(long rank) {
            if (rank < below || rank >= upto) {
                return null;
            }
            if (rank < below + at) {
                return lo;
            }
            long inside = rank - below - at;
            return inside < between.length ? between[(int) inside] : hi;
        }
    }
}
