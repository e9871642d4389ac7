package dev.assay.dsl.engine;

import java.util.List;
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
    public String castDouble(String expr) {
        return "CAST(" + expr + " AS DOUBLE)";
    }

    @Override
    public String isNan(String expr) {
        return "isnan(" + expr + ")";
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
    public String contains(String expr, String fragment) {
        return "contains(" + expr + ", " + quoteLiteral(fragment) + ")";
    }

    @Override
    public String regexFind(String expr, String pattern) {
        return "regexp_matches(" + expr + ", " + quoteLiteral(pattern) + ")";
    }

    @Override
    public String regexExtract(String expr, String pattern, int group) {
        return "regexp_extract(" + expr + ", " + quoteLiteral(pattern) + ", " + group + ")";
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
    public String countsPerValue(String expr) {
        return "map_entries(histogram(" + expr + "))";
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
        return "trim(regexp_replace(regexp_replace(lower(" + expr + "), '\\p{P}', '', 'g'), "
                + "'[\\t\\n\\x0B\\f\\r\\p{Z}]+', ' ', 'g'), ' ')";
    }

    @Override
    public String sha256Hex(String expr) {
        return "sha256(" + expr + ")";
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
}
