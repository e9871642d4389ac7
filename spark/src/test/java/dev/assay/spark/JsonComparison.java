package dev.assay.spark;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Where two results' JSON differ: numbers that are both integers exactly, other numbers to
 * {@link #RELATIVE} relative (floating-point statistics summed in another order), everything
 * else exactly. Each difference is one line naming its path, for a test message.
 */
final class JsonComparison {

    static final double RELATIVE = 1e-12;

    private JsonComparison() {
    }

    static List<String> differences(Object expected, Object actual) {
        List<String> out = new ArrayList<>();
        compare("$", expected, actual, out);
        return out;
    }

    private static void compare(String path, Object a, Object b, List<String> out) {
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            TreeSet<String> keys = new TreeSet<>();
            ma.keySet().forEach(k -> keys.add(String.valueOf(k)));
            mb.keySet().forEach(k -> keys.add(String.valueOf(k)));
            for (String key : keys) {
                if (!ma.containsKey(key) || !mb.containsKey(key)) {
                    out.add(path + "." + key + ": only on " + (ma.containsKey(key) ? "duckdb" : "spark"));
                } else {
                    compare(path + "." + key, ma.get(key), mb.get(key), out);
                }
            }
        } else if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) {
                out.add(path + ": " + la.size() + " items on duckdb, " + lb.size() + " on spark");
                return;
            }
            for (int i = 0; i < la.size(); i++) {
                compare(path + "[" + i + "]", la.get(i), lb.get(i), out);
            }
        } else if (a instanceof Number na && b instanceof Number nb) {
            if (!numbersAgree(na, nb) && !(SHAPES.stream().anyMatch(path::endsWith) && shapesAgree(na, nb))) {
                out.add(path + ": " + a + " on duckdb, " + b + " on spark");
            }
        } else if (!Objects.equals(a, b)) {
            out.add(path + ": " + a + " on duckdb, " + b + " on spark");
        }
    }

    private static boolean numbersAgree(Number a, Number b) {
        if (isIntegral(a) && isIntegral(b)) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        double x = a.doubleValue();
        double y = b.doubleValue();
        if (x == y) {
            return true;
        }
        return Math.abs(x - y) <= RELATIVE * Math.max(Math.abs(x), Math.abs(y));
    }

    /**
     * Skewness and kurtosis are dimensionless, and near 0 they are differences of sums that
     * cancel, which Spark adds in another order than DuckDB's exact fsum: to 1e-12 absolute too.
     */
    private static final List<String> SHAPES = List.of(".skewness", ".kurtosis");

    private static boolean shapesAgree(Number a, Number b) {
        return Math.abs(a.doubleValue() - b.doubleValue()) <= RELATIVE;
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
                || n instanceof java.math.BigInteger || n instanceof BigDecimal d && d.scale() <= 0;
    }
}
