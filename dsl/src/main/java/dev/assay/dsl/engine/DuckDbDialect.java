package dev.assay.dsl.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** DuckDB's spelling of the functions of {@link SqlDialect}. */
public final class DuckDbDialect implements SqlDialect {

    @Override
    public String quoteIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    @Override
    public String quoteLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    @Override
    public String doubleLiteral(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite double: " + value);
        }
        // Through a string: DuckDB reads a bare 0.1 as DECIMAL; its string-to-double parse is exact.
        return "CAST('" + value + "' AS DOUBLE)";
    }

    @Override
    public String compensatedSum(String expr) {
        return "fsum(" + expr + ")";
    }

    @Override
    public String exactQuantiles(String expr, List<Double> probabilities) {
        // quantile_cont is exact (it is SUMMARIZE that approximates) and interpolates linearly, as pandas.
        return "quantile_cont(" + expr + ", "
                + listLiteral(probabilities.stream().map(this::doubleLiteral).collect(Collectors.toList())) + ")";
    }

    @Override
    public String charLength(String expr) {
        return "length(" + expr + ")";
    }

    @Override
    public String regexFind(String expr, String pattern) {
        return "regexp_matches(" + expr + ", " + quoteLiteral(pattern) + ")";
    }

    @Override
    public String regexRemoveAll(String expr, String pattern) {
        return "regexp_replace(" + expr + ", " + quoteLiteral(pattern) + ", '', 'g')";
    }

    @Override
    public String luhnValid(String digitsExpr) {
        // From the right, every second digit is doubled (less 9 when over 9); the sum must end in 0.
        String digit = "CAST(d AS INTEGER)";
        String doubled = "CASE WHEN " + digit + " * 2 > 9 THEN " + digit + " * 2 - 9 ELSE " + digit + " * 2 END";
        return "(list_sum(list_transform(list_reverse(string_split(" + digitsExpr + ", '')), "
                + "lambda d, i: CASE WHEN i % 2 = 0 THEN " + doubled + " ELSE " + digit + " END)) % 10 = 0)";
    }

    @Override
    public String epochMicros(String expr) {
        return "epoch_us(" + expr + ")";
    }

    @Override
    public String listElement(String listExpr, String oneBasedIndex) {
        return "(" + listExpr + ")[" + oneBasedIndex + "]";
    }

    @Override
    public String listLiteral(List<String> elementExprs) {
        return "[" + String.join(", ", elementExprs) + "]";
    }

    @Override
    public String normalizeText(String expr) {
        // A lower-cased value of ASCII letters, digits and single inner spaces is already normal:
        // one cheap match spares it the two replacements, which dominate a grouping of many
        // distinct codes or tokens (the result is the same either way).
        String lowered = "lower(" + expr + ")";
        return "CASE WHEN regexp_matches(" + lowered + ", '[^a-z0-9 ]|  |^ | $') THEN "
                + "trim(regexp_replace(regexp_replace(" + lowered + ", '\\p{P}', '', 'g'), "
                + "'[\\t\\n\\x0B\\f\\r\\p{Z}]+', ' ', 'g'), ' ') ELSE " + lowered + " END";
    }

    @Override
    public String sha256Hex(String expr) {
        return "sha256(" + expr + ")";
    }

    @Override
    public String inlinedCte(String name, String query) {
        return name + " AS NOT MATERIALIZED (" + query + ")";
    }

    @Override
    public String struct(List<Map.Entry<String, String>> fields) {
        return "struct_pack(" + fields.stream().map(f -> f.getKey() + " := " + f.getValue())
                .collect(Collectors.joining(",\n  ")) + ")";
    }

    @Override
    public String mostFrequent(String value, String count, int limit) {
        // A top-N by (count descending, value): a heap of `limit` entries, not a sort of every value.
        return "min_by(struct_pack(v := " + value + ", n := " + count + "), struct_pack(a := -" + count + ", b := "
                + value + "), " + limit + ")";
    }

    @Override
    public String castText(String expr) {
        return "CAST(" + expr + " AS VARCHAR)";
    }

    @Override
    public String rowOrdinal() {
        return "rowid";
    }

    @Override
    public String isFinite(String expr) {
        return "isfinite(" + expr + ")";
    }

    @Override
    public String castWideInteger(String expr) {
        return "CAST(" + expr + " AS HUGEINT)";
    }

    @Override
    public String words(String expr) {
        return "regexp_extract_all(lower(" + expr + "), '[\\p{L}\\p{N}]+')";
    }

    /** The characters Python's str.isspace() accepts; RE2's \\s knows only the ASCII ones, and not \\v. */
    private static final String WHITE_SPACE = "\\t\\n\\x0B\\f\\r\\x1C-\\x20\\x85\\xA0\\x{1680}\\x{2000}-\\x{200A}"
            + "\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}";

    @Override
    public String wordCount(String expr) {
        return "len(regexp_extract_all(" + expr + ", '[^" + WHITE_SPACE + "]+'))";
    }

    @Override
    public String spaceSeparated(String expr) {
        return "string_split(" + expr + ", ' ')";
    }

    @Override
    public String fingerprintField(String expr, String type) {
        return switch (LogicalType.of(type).field()) {
            case PLAIN -> castText(expr);
            // C's %.17g reads back as the same double; every NaN is one value. Native printf is
            // proven equal to CDoubleFormat.g17 (CDoubleFormatTest) and faster than the Java function.
            case FLOATING -> "CASE WHEN isnan(" + expr + ") THEN 'nan' ELSE printf('%.17g', CAST(" + expr + " AS DOUBLE)) END";
            case EPOCH_DAYS -> "CASE WHEN isfinite(" + expr + ") THEN CAST(" + expr + " - DATE '1970-01-01' AS VARCHAR) ELSE "
                    + castText(expr) + " END";
            case MICROS_OF_DAY -> "CAST(epoch_us(" + expr + ") AS VARCHAR)";
            case EPOCH_MICROS -> epochOrText("epoch_us", expr);
            case EPOCH_NANOS -> epochOrText("epoch_ns", expr);
            case HEX -> lengthPrefixed("hex(" + expr + ")");
            case TEXT -> lengthPrefixed(castText(expr));
        };
    }

    /** Infinite timestamps have no epoch: their text ('infinity') is not a number either. */
    private String epochOrText(String epochFunction, String expr) {
        return "CASE WHEN isfinite(" + expr + ") THEN CAST(" + epochFunction + "(" + expr + ") AS VARCHAR) ELSE "
                + castText(expr) + " END";
    }

    private static String lengthPrefixed(String text) {
        return "(CAST(strlen(" + text + ") AS VARCHAR) || ':' || " + text + ")";
    }

    @Override
    public String anyTrue(List<String> booleanExprs) {
        return booleanExprs.isEmpty() ? "false" : "list_bool_or(" + listLiteral(booleanExprs) + ")";
    }

    @Override
    public String concatSkippingNulls(List<String> exprs) {
        return exprs.size() == 1 ? "coalesce(" + exprs.get(0) + ", '')" : "concat(" + String.join(", ", exprs) + ")";
    }

    @Override
    public String hexWord(String hexExpr, int index) {
        return "CAST('0x' || substr(" + hexExpr + ", " + (16 * index + 1) + ", 16) AS UBIGINT)";
    }

    @Override
    public String copyToParquet(String relation, String path) {
        return "COPY " + quoteIdentifier(relation) + " TO " + quoteLiteral(path) + " (FORMAT parquet, COMPRESSION zstd)";
    }

    @Override
    public String readParquet(String path) {
        return "read_parquet(" + quoteLiteral(path) + ")";
    }

    // duplicates, split, sample

    @Override
    public String scanPosition() {
        return "(row_number() OVER () - 1)";
    }

    // profile, drift, diff, check, load

    @Override
    public String collectList(String expr) {
        return "list(" + expr + ")";
    }

    @Override
    public String unnestColumns(List<String> names, List<List<String>> lists) {
        // Unnests side by side in one select list go in step, as a zip.
        List<String> items = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            items.add("unnest(" + listLiteral(lists.get(i)) + ") AS " + names.get(i));
        }
        return String.join(", ", items);
    }

    @Override
    public String unnestList(String listExpr, String name) {
        return "unnest(" + listExpr + ") AS " + name;
    }

    @Override
    public String integersBelow(String n) {
        return "range(" + n + ")";
    }

    @Override
    public String readCsv(String path, Map<String, String> options) {
        StringBuilder call = new StringBuilder("read_csv(" + quoteLiteral(path));
        options.forEach((name, value) -> call.append(", ").append(name).append(" = ").append(value));
        return call + ")";
    }

    @Override
    public boolean keepsCsvRejects() {
        return true;
    }

    @Override
    public String readJson(String path, boolean newlineDelimited, boolean ignoreErrors) {
        return "read_json(" + quoteLiteral(path) + ", format = " + quoteLiteral(newlineDelimited ? "newline_delimited" : "auto")
                + (ignoreErrors ? ", ignore_errors = true" : "") + ")";
    }

    @Override
    public String exactMean(String expr) {
        // DuckDB sums integers as HUGEINT and decimals exactly.
        return castDouble("avg(" + expr + ")");
    }
}
