package dev.assay.spark;

import dev.assay.dsl.engine.LogicalType;
import dev.assay.dsl.engine.SqlDialect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Spark SQL's spelling of the functions of {@link SqlDialect}. Where Spark's own function means
 * something else than DuckDB's (lower-casing, a double's text), the expression calls Assay's
 * Java function registered as a UDF (see {@link SparkFunctions}), so both engines give the same bytes.
 */
public final class SparkDialect implements SqlDialect {

    /** The hidden column holding each row's position in its dataset (Spark keeps no row order). */
    public static final String ROW_ORDINAL = "__assay_row";

    @Override
    public String quoteIdentifier(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    @Override
    public String quoteLiteral(String value) {
        // Spark reads backslashes in string literals as escapes: both they and quotes are escaped.
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Override
    public String doubleLiteral(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite double: " + value);
        }
        // Java's shortest text of a double reads back as the same double.
        return "CAST('" + value + "' AS DOUBLE)";
    }

    @Override
    public String compensatedSum(String expr) {
        // Spark has no compensated sum; its sum depends on how rows are partitioned (docs/spark.md).
        return "sum(" + expr + ")";
    }

    @Override
    public String exactQuantiles(String expr, List<Double> probabilities) {
        // percentile is exact and interpolates linearly, as DuckDB's quantile_cont.
        return "percentile(" + expr + ", " + listLiteral(probabilities.stream().map(this::doubleLiteral)
                .collect(Collectors.toList())) + ")";
    }

    @Override
    public boolean exactQuantilesInOneAggregate() {
        // percentile's final merge holds every distinct value of the column in one task.
        return false;
    }

    @Override
    public String approximateQuantiles(String expr, List<Double> probabilities, int accuracy) {
        // A Greenwald-Khanna sketch, merged across partitions; its values are values of the column.
        return "percentile_approx(" + expr + ", " + listLiteral(probabilities.stream().map(this::doubleLiteral)
                .collect(Collectors.toList())) + ", " + accuracy + ")";
    }

    @Override
    public String charLength(String expr) {
        return "char_length(" + expr + ")";
    }

    @Override
    public String regexFind(String expr, String pattern) {
        return "(" + expr + " RLIKE " + quoteLiteral(pattern) + ")";
    }

    @Override
    public String regexRemoveAll(String expr, String pattern) {
        return "regexp_replace(" + expr + ", " + quoteLiteral(pattern) + ", '')";
    }

    @Override
    public String luhnValid(String digitsExpr) {
        return "luhn_check(" + digitsExpr + ")";
    }

    @Override
    public String epochMicros(String expr) {
        return "unix_micros(CAST(" + expr + " AS TIMESTAMP))";
    }

    @Override
    public String listElement(String listExpr, String oneBasedIndex) {
        return "element_at(" + listExpr + ", CAST(" + oneBasedIndex + " AS INT))";
    }

    @Override
    public String listLiteral(List<String> elementExprs) {
        return "array(" + String.join(", ", elementExprs) + ")";
    }

    @Override
    public String normalizeText(String expr) {
        // Spark's lower and regexes differ from DuckDB's (İ, final sigma, Unicode versions): Assay's Java definition.
        return SparkFunctions.NORMALIZE + "(" + expr + ")";
    }

    @Override
    public String sha256Hex(String expr) {
        return "sha2(" + expr + ", 256)";
    }

    @Override
    public String castText(String expr) {
        return "CAST(" + expr + " AS STRING)";
    }

    @Override
    public String inlinedCte(String name, String query) {
        // Spark inlines a CTE wherever it is read.
        return name + " AS (" + query + ")";
    }

    @Override
    public String struct(List<Map.Entry<String, String>> fields) {
        return "named_struct(" + fields.stream().map(f -> "'" + f.getKey() + "', " + f.getValue())
                .collect(Collectors.joining(",\n  ")) + ")";
    }

    @Override
    public String mostFrequent(String value, String count, int limit) {
        // Spark 4.0 has no top-N aggregate: the (value, count) pairs of a group are sorted by
        // (count descending, value) and cut. Each pair is one distinct value, so a group holds
        // as many as the column has distinct values (one task); scans number them instead
        // (topValuesByNumbering), this spelling is for a single group.
        return "transform(slice(array_sort(collect_list(named_struct('a', -(" + count + "), 'b', " + value + ", 'n', "
                + count + "))), 1, " + limit + "), s -> named_struct('v', s.b, 'n', s.n))";
    }

    @Override
    public boolean topValuesByNumbering() {
        // A scan numbers each column's values instead (BatchQuery): Spark plans row_number() <= N
        // with a partial WindowGroupLimit before the shuffle, so N rows per column and partition move.
        return true;
    }

    @Override
    public String rowOrdinal() {
        return ROW_ORDINAL;
    }

    @Override
    public String isFinite(String expr) {
        return "(NOT isnan(" + expr + ") AND abs(" + expr + ") != CAST('Infinity' AS DOUBLE))";
    }

    @Override
    public String castWideInteger(String expr) {
        return "CAST(" + expr + " AS DECIMAL(38,0))";
    }

    @Override
    public String words(String expr) {
        return "regexp_extract_all(" + SparkFunctions.LOWER + "(" + expr + "), " + quoteLiteral("[\\p{L}\\p{N}]+") + ", 0)";
    }

    /** The characters Python's str.isspace() accepts, as a Java character class body. */
    private static final String WHITE_SPACE = "\\t\\n\\x0B\\f\\r\\x1C-\\x20\\x85\\xA0\\x{1680}\\x{2000}-\\x{200A}"
            + "\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}";

    @Override
    public String wordCount(String expr) {
        return "size(regexp_extract_all(" + expr + ", " + quoteLiteral("[^" + WHITE_SPACE + "]+") + ", 0))";
    }

    @Override
    public String spaceSeparated(String expr) {
        return "split(" + expr + ", ' ', -1)";
    }

    @Override
    public String fingerprintField(String expr, String type) {
        // The same text as FingerprintFields defines and DuckDbDialect writes (docs/versions.md).
        return switch (LogicalType.of(type).field()) {
            case PLAIN -> castText(expr);
            case FLOATING -> "CASE WHEN isnan(" + expr + ") THEN 'nan' ELSE " + SparkFunctions.G17 + "(CAST(" + expr
                    + " AS DOUBLE)) END";
            case EPOCH_DAYS -> castText("unix_date(" + expr + ")");
            case EPOCH_MICROS -> castText(epochMicros(expr));
            case HEX -> lengthPrefixed("hex(" + expr + ")");
            case TEXT -> lengthPrefixed(castText(expr));
            case MICROS_OF_DAY, EPOCH_NANOS -> throw new IllegalArgumentException("Spark has no " + type + " values");
        };
    }

    /** A text as its length in UTF-8 bytes, ':', the text. */
    private static String lengthPrefixed(String text) {
        return "concat(CAST(octet_length(" + text + ") AS STRING), ':', " + text + ")";
    }

    @Override
    public String anyTrue(List<String> booleanExprs) {
        return booleanExprs.isEmpty() ? "false" : "exists(" + listLiteral(booleanExprs) + ", b -> b)";
    }

    @Override
    public String concatSkippingNulls(List<String> exprs) {
        // concat_ws skips NULLs (Spark's concat is NULL when any argument is).
        return "concat_ws(''" + exprs.stream().map(e -> ", " + e).collect(Collectors.joining()) + ")";
    }

    @Override
    public String hexWord(String hexExpr, int index) {
        // Spark has no unsigned 64-bit integer: the word is read as DECIMAL(20,0).
        return "CAST(conv(substr(" + hexExpr + ", " + (16 * index + 1) + ", 16), 16, 10) AS DECIMAL(20,0))";
    }

    @Override
    public String copyToParquet(String relation, String path) {
        // A directory of part files, one per partition; the engine's row ordinal stays behind.
        return "INSERT OVERWRITE DIRECTORY " + quoteLiteral(path) + " USING parquet SELECT * EXCEPT (" + ROW_ORDINAL
                + ") FROM " + quoteIdentifier(relation);
    }

    @Override
    public String readParquet(String path) {
        return "parquet.`" + path.replace("`", "``") + "`";
    }

    // duplicates, split, sample

    @Override
    public String scanPosition() {
        // Increasing in the order the partitions are read, unique, with gaps between partitions
        // (partition index << 33 | position in it): no window, which would gather every row in
        // one task. Fixed once the copy that carries it is checkpointed.
        return "monotonically_increasing_id()";
    }

    // profile, drift, diff, check, load

    @Override
    public String collectList(String expr) {
        return "collect_list(" + expr + ")";
    }

    @Override
    public String unnestColumns(List<String> names, List<List<String>> lists) {
        // inline makes a row of each record of the list, its fields the columns.
        List<String> records = new ArrayList<>();
        for (int k = 0; k < lists.get(0).size(); k++) {
            List<Map.Entry<String, String>> fields = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                fields.add(Map.entry(names.get(i), lists.get(i).get(k)));
            }
            records.add(struct(fields));
        }
        return "inline(" + listLiteral(records) + ")";
    }

    @Override
    public String unnestList(String listExpr, String name) {
        return "explode(" + listExpr + ") AS " + name;
    }

    @Override
    public String integersBelow(String n) {
        return "sequence(0, " + n + " - 1)";
    }

    /** DuckDB's read_csv options and Spark's names for the same; others have no Spark reading. */
    private static final Map<String, String> CSV_OPTIONS = Map.of("delim", "sep", "header", "header", "quote", "quote",
            "escape", "escape", "nullstr", "nullValue", "encoding", "encoding");

    @Override
    public String readCsv(String path, Map<String, String> options) {
        Map<String, String> spark = new LinkedHashMap<>();
        spark.put("inferSchema", "'true'");
        options.forEach((name, value) -> {
            if (name.equals("ignore_errors")) {
                spark.put("mode", "'DROPMALFORMED'");
            } else if (CSV_OPTIONS.containsKey(name)) {
                spark.put(CSV_OPTIONS.get(name), value.startsWith("'") ? value : "'" + value + "'");
            } else {
                throw new IllegalArgumentException("the option " + name + " is not available when loading on Spark");
            }
        });
        if (!spark.containsKey("header")) {
            spark.put("header", "'true'");
        }
        return "csv." + quoteIdentifier(path) + options(spark);
    }

    @Override
    public boolean keepsCsvRejects() {
        return false;
    }

    @Override
    public String readJson(String path, boolean newlineDelimited, boolean ignoreErrors) {
        Map<String, String> spark = new LinkedHashMap<>();
        if (!newlineDelimited) {
            // A .json file is one document (an array of records, say), which Spark reads only as multiLine.
            spark.put("multiLine", "'true'");
        }
        if (ignoreErrors) {
            spark.put("mode", "'DROPMALFORMED'");
        }
        return "json." + quoteIdentifier(path) + options(spark);
    }

    /** Spark's options of a file read in SQL: {@code WITH ('name' = 'value', ...)}. */
    private static String options(Map<String, String> options) {
        return options.isEmpty() ? "" : " WITH (" + options.entrySet().stream().map(e -> "'" + e.getKey() + "' = " + e.getValue())
                .collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public String exactMean(String expr) {
        // Spark's avg adds integers as doubles, and its sum of BIGINTs fails beyond 2^63 (epoch
        // microseconds of a few thousand rows). Adding a DECIMAL(20,0) zero makes every integer
        // and decimal an exact DECIMAL of its own scale, summed exactly up to 38 digits.
        return "(CAST(sum(" + expr + " + CAST(0 AS DECIMAL(20,0))) AS DOUBLE) / count(" + expr + "))";
    }
}
