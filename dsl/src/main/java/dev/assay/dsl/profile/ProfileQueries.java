package dev.assay.dsl.profile;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.SqlDialect;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The SQL of a profile: three scans whatever the number of columns. One aggregates every
 * statistic of every column, one ranks values per column (distinct counts and top values,
 * with GROUPING SETS), one bins numbers and times for the histograms once their ranges are
 * known. Columns are renamed c0, c1 ... in a first projection, which also turns NaN into
 * NULL: user names appear only there, quoted.
 */
final class ProfileQueries {

    static final List<Double> QUANTILES = List.of(0.05, 0.25, 0.5, 0.75, 0.95);
    static final int TOP_VALUES = 10;

    private final SqlDialect sql;
    private final String relation;
    private final List<Column> columns;

    ProfileQueries(SqlDialect sql, String relation, List<Column> columns) {
        this.sql = sql;
        this.relation = relation;
        this.columns = List.copyOf(columns);
    }

    static String alias(int column) {
        return "c" + column;
    }

    /** Positions, in the statistics row, of what was computed for one column (-1: not computed; phone numbers: never). */
    record Slots(int count, int min, int max, int mean, int std, int quantiles, int minMicros, int maxMicros,
                 int lengthMin, int lengthMean, int lengthMax, int wordsMin, int wordsMean, int wordsMax,
                 Map<PiiPattern, Integer> pii) {
    }

    /** The statistics query and where each column's numbers are in its one result row; slot 0 is the row count. */
    record Statistics(String sql, List<Slots> slots) {
    }

    Statistics statistics() {
        List<String> select = new ArrayList<>();
        select.add("count(*)");
        List<Slots> slots = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String c = alias(i);
            String type = columns.get(i).type();
            ColumnKind kind = ColumnKind.of(type);
            int count = add(select, "count(" + c + ")");
            int min = -1;
            int max = -1;
            if (kind != ColumnKind.OTHER) {
                min = add(select, "min(" + c + ")");
                max = add(select, "max(" + c + ")");
            }
            int mean = -1;
            int std = -1;
            int quantiles = -1;
            int minMicros = -1;
            int maxMicros = -1;
            if (kind == ColumnKind.NUMERIC) {
                String asDouble = sql.castDouble(c);
                mean = add(select, ColumnKind.isExactNumber(type)
                        ? sql.castDouble("avg(" + c + ")")
                        : sql.compensatedSum(asDouble) + " / NULLIF(count(" + c + "), 0)");
                std = add(select, "stddev_samp(" + asDouble + ")");
                quantiles = add(select, sql.exactQuantiles(asDouble, QUANTILES));
            } else if (kind == ColumnKind.TEMPORAL) {
                String micros = sql.epochMicros(c);
                mean = add(select, sql.castDouble("avg(" + micros + ")"));
                quantiles = add(select, sql.exactQuantiles(sql.castDouble(micros), QUANTILES));
                minMicros = add(select, "min(" + micros + ")");
                maxMicros = add(select, "max(" + micros + ")");
            }
            int lengthMin = -1;
            int lengthMean = -1;
            int lengthMax = -1;
            int wordsMin = -1;
            int wordsMean = -1;
            int wordsMax = -1;
            Map<PiiPattern, Integer> pii = new EnumMap<>(PiiPattern.class);
            if (kind == ColumnKind.TEXT) {
                String length = sql.charLength(c);
                lengthMin = add(select, "min(" + length + ")");
                lengthMean = add(select, sql.castDouble("avg(" + length + ")"));
                lengthMax = add(select, "max(" + length + ")");
                String words = sql.wordCount(c);
                wordsMin = add(select, "min(" + words + ")");
                wordsMean = add(select, sql.castDouble("avg(" + words + ")"));
                wordsMax = add(select, "max(" + words + ")");
                for (PiiPattern p : PiiPattern.values()) {
                    if (p.inSql()) {
                        pii.put(p, add(select, "count(*) FILTER (WHERE " + p.condition(sql, c) + ")"));
                    }
                }
            }
            slots.add(new Slots(count, min, max, mean, std, quantiles, minMicros, maxMicros,
                    lengthMin, lengthMean, lengthMax, wordsMin, wordsMean, wordsMax, pii));
        }
        return new Statistics(cleaned() + "SELECT " + String.join(",\n  ", select) + "\nFROM v", slots);
    }

    /**
     * Per column, its distinct count and its most frequent values. Rows: (column index,
     * distinct, count, c0, c1, ...) where only the column's own value is set; missing values
     * are left out (as pandas' value_counts does) and ties go by value. Each column is
     * grouped on its own and cut to its top values, all in one query: a GROUPING SETS
     * version needs a window over every group of every column and was three times slower.
     */
    String valueCounts() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            names.add(alias(i));
        }
        StringBuilder with = new StringBuilder(cleaned());
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String c = names.get(i);
            String groups = "g" + i;
            with.append(", ").append(groups).append(" AS (SELECT ").append(c).append(", count(*) AS n FROM v WHERE ")
                    .append(c).append(" IS NOT NULL GROUP BY ").append(c).append(")\n");
            List<String> values = new ArrayList<>();
            for (int k = 0; k < names.size(); k++) {
                values.add(k == i ? c : "NULL AS " + names.get(k));
            }
            parts.add("SELECT " + i + " AS s, (SELECT count(*) FROM " + groups + ") AS d, n, " + String.join(", ", values)
                    + " FROM (SELECT * FROM " + groups + " ORDER BY n DESC, " + c + " LIMIT " + ranked(columns.get(i)) + ")");
        }
        return with + String.join("\nUNION ALL ", parts) + "\nORDER BY s, n DESC, " + String.join(", ", names);
    }

    /**
     * How many of a column's most frequent values are fetched: the top values, and for numbers
     * enough to hold every value of a column binned per value ({@link PerValueBins}).
     */
    static int ranked(Column column) {
        return ColumnKind.of(column.type()) == ColumnKind.NUMERIC ? Math.max(TOP_VALUES, PerValueBins.MAX_DISTINCT) : TOP_VALUES;
    }

    /** What of a column is binned: its numbers, its times in microseconds, or the lengths of its strings. */
    enum Binned { VALUE, EPOCH_MICROS, LENGTH }

    /** The bins wanted for one column: which column, what of it, its edges, and the value of each bin when per value. */
    record Binning(int column, Binned binned, double[] edges, List<Object> values) {
        int bins() {
            return edges.length - 1;
        }

        boolean temporal() {
            return binned == Binned.EPOCH_MICROS;
        }
    }

    /**
     * One aggregate per binned column: the count per bin index. The index first comes from
     * arithmetic, then is corrected by one against the exact edges, as numpy does, so that a
     * value on an edge falls where numpy puts it.
     */
    String histograms(List<Binning> binnings) {
        List<String> inner = new ArrayList<>();
        List<String> outer = new ArrayList<>();
        for (int j = 0; j < binnings.size(); j++) {
            Binning b = binnings.get(j);
            String x = "x" + j;
            String i = "i" + j;
            String c = alias(b.column());
            String value = sql.castDouble(switch (b.binned()) {
                case VALUE -> c;
                case EPOCH_MICROS -> sql.epochMicros(c);
                case LENGTH -> sql.charLength(c);
            });
            inner.add(value + " AS " + x);
            inner.add(Histogram.rawBinSql(sql, value, b.edges()) + " AS " + i);
            outer.add(sql.countsPerValue(Histogram.binIndexSql(sql, x, i, b.edges())));
        }
        return cleaned() + ", b AS (SELECT " + String.join(",\n  ", inner) + " FROM v)\nSELECT "
                + String.join(",\n  ", outer) + "\nFROM b";
    }

    /** Renames the columns c0, c1 ... and reads NaN as missing; other kinds are compared by their text. */
    private String cleaned() {
        List<String> select = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            String quoted = sql.quoteIdentifier(column.name());
            String expr;
            if (ColumnKind.isFloat(column.type())) {
                expr = "CASE WHEN " + sql.isNan(quoted) + " THEN NULL ELSE " + quoted + " END";
            } else if (ColumnKind.of(column.type()) == ColumnKind.OTHER) {
                expr = "CAST(" + quoted + " AS VARCHAR)";
            } else {
                expr = quoted;
            }
            select.add(expr + " AS " + alias(i));
        }
        return "WITH v AS (SELECT " + String.join(", ", select) + " FROM " + sql.quoteIdentifier(relation) + ")\n";
    }

    private static int add(List<String> select, String expr) {
        select.add(expr);
        return select.size() - 1;
    }
}
