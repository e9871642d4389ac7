package dev.assay.dsl.engine;

import java.util.List;
import java.util.Map;

/**
 * The SQL functions operations need beyond the common core, spelt in one engine's dialect.
 * Operations build their queries from these pieces, so that another engine can run the same
 * work by implementing this interface; the default methods are spelt alike by DuckDB and Spark.
 * Every method returns an SQL expression; arguments named {@code expr} are SQL expressions,
 * never user text (quote that first).
 */
public interface SqlDialect {

    String quoteIdentifier(String name);

    String quoteLiteral(String value);

    /** A DOUBLE literal that reads back as exactly {@code value} (finite values only). */
    String doubleLiteral(double value);

    default String castDouble(String expr) {
        return "CAST(" + expr + " AS DOUBLE)";
    }

    /** True when a floating-point value is NaN. */
    default String isNan(String expr) {
        return "isnan(" + expr + ")";
    }

    /** A sum of doubles with compensated (Kahan) summation, for means that match numpy. */
    String compensatedSum(String expr);

    /** Exact, linearly interpolated quantiles of a DOUBLE expression, as a list in the given order. */
    String exactQuantiles(String expr, List<Double> probabilities);

    /**
     * True when {@link #exactQuantiles} stays distributed; false when it holds every value of a
     * column in one task (Spark's percentile), so scans compute exact quantiles in rounds from
     * {@link #approximateQuantiles} instead (see {@code ExactQuantiles}).
     */
    default boolean exactQuantilesInOneAggregate() {
        return true;
    }

    /**
     * Values of the column near the given quantiles, from a mergeable sketch: the rank of each is
     * within about count / {@code accuracy} of the probability's. Only asked where
     * {@link #exactQuantilesInOneAggregate} is false.
     */
    default String approximateQuantiles(String expr, List<Double> probabilities, int accuracy) {
        throw new UnsupportedOperationException("no approximate quantiles in this dialect");
    }

    /** Length of a string in Unicode code points. */
    String charLength(String expr);

    /** True when the string holds {@code fragment} (plain text, no pattern): cheaper than a regular expression. */
    default String contains(String expr, String fragment) {
        return "contains(" + expr + ", " + quoteLiteral(fragment) + ")";
    }

    /** True when the regular expression (RE2 syntax) matches somewhere in the string. */
    String regexFind(String expr, String pattern);

    /** The text of capture group {@code group} of the first match, or '' when none. */
    default String regexExtract(String expr, String pattern, int group) {
        return "regexp_extract(" + expr + ", " + quoteLiteral(pattern) + ", " + group + ")";
    }

    /** The string without the characters matched by the pattern. */
    String regexRemoveAll(String expr, String pattern);

    /** True when a string of decimal digits passes the Luhn check (card numbers). */
    String luhnValid(String digitsExpr);

    /** Microseconds since 1970-01-01 of a DATE or TIMESTAMP expression, as BIGINT. */
    String epochMicros(String expr);

    /** Element {@code oneBasedIndex} of a list expression. */
    String listElement(String listExpr, String oneBasedIndex);

    String listLiteral(List<String> elementExprs);

    /**
     * Text as {@code normalize} compares it: lower-cased, without Unicode punctuation
     * (categories P*), runs of white space (ASCII controls \t\n\v\f\r and categories Z*)
     * as one space, no space at either end. See docs/duplicates-and-splits.md.
     */
    String normalizeText(String expr);

    /** The SHA-256 of the UTF-8 bytes of a string, as 64 lower-case hex digits. */
    String sha256Hex(String expr);

    /** A value's text for hashing: the engine's canonical VARCHAR cast. */
    String castText(String expr);

    /**
     * A common table expression the engine inlines where it is read rather than storing its rows:
     * a scan reads its columns once per part, which costs less than a copy of them.
     */
    String inlinedCte(String name, String query);

    /** A record of named fields (names are plain words: a0_1, r); read back as a map from name to value. */
    String struct(List<Map.Entry<String, String>> fields);

    /**
     * Aggregate: the {@code limit} values of {@code value} with the highest {@code count}, ties
     * by value, as a list of records {v, n}, most frequent first.
     */
    String mostFrequent(String value, String count, int limit);

    /**
     * How a scan computes top values: false, as the aggregate {@link #mostFrequent} per column
     * beside the column's other aggregates over its values; true, apart, as the rows numbered
     * 1..limit by (count descending, value) within each column (a {@code row_number()} window
     * partitioned by column), which an engine without a top-N aggregate can cut to {@code
     * limit} rows per column before it moves them (Spark's partial WindowGroupLimit).
     */
    default boolean topValuesByNumbering() {
        return false;
    }

    /** True when a DOUBLE is neither NaN nor infinite. */
    String isFinite(String expr);

    /** An integer expression widened to 128 bits, so that products of row counts cannot overflow. */
    String castWideInteger(String expr);

    /** The list of words of a string: lower-cased runs of Unicode letters and digits. */
    String words(String expr);

    /**
     * How many white-space-separated words a string holds, as Python's {@code str.split()}
     * counts them (pandas {@code s.str.split().str.len()}): runs of characters that are not
     * Unicode white space; 0 for an empty or blank string.
     */
    String wordCount(String expr);

    /**
     * The list of the pieces of a string between single spaces (empty pieces included). A
     * space is neither a letter nor a digit, so every word lies inside one piece.
     */
    String spaceSeparated(String expr);

    /** An expression giving each row of a table its position in insertion order (not for views). */
    String rowOrdinal();

    /**
     * A value's field in a fingerprint's row encoding (docs/versions.md), or NULL for NULL:
     * numbers, booleans and times as digits and signs (never empty, never '|'), any other type
     * as its byte length, ':' and its text, so that the fields of a row joined by '|' can be
     * read back one way only.
     */
    String fingerprintField(String expr, String type);

    /**
     * True when any of the boolean expressions (none NULL) is true, as one flat call: a chain
     * of ORs over thousands of columns nests too deep for the engine's parser.
     */
    String anyTrue(List<String> booleanExprs);

    /** Strings joined into one; NULL arguments count as the empty string. */
    String concatSkippingNulls(List<String> exprs);

    /** Word {@code index} (0-based) of a hex digest: 16 hex digits as an unsigned 64-bit integer. */
    String hexWord(String hexExpr, int index);

    /** A statement writing a relation to a compressed Parquet file. */
    String copyToParquet(String relation, String path);

    /** A table expression reading a Parquet file. */
    String readParquet(String path);

    // duplicates, split, sample

    /**
     * Each row's position in the order a relation is read, as BIGINT, unique and increasing: for
     * a view, whose rows have no stored ordinal. 0-based without gaps on DuckDB; an engine that
     * reads partitions side by side may leave gaps (Spark), so use it as a row's identity, not a count.
     */
    String scanPosition();

    // profile, drift, diff, check, load

    /** Aggregate: the values of a group as a list (records, never NULL, in the operations' use). */
    String collectList(String expr);

    /**
     * Select-list items making, of each row, one row per place k of the lists: column
     * {@code names.get(i)} holds {@code lists.get(i).get(k)}. The lists are equally long, their
     * elements of one type per column.
     */
    String unnestColumns(List<String> names, List<List<String>> lists);

    /** A select-list item making, of each row, one row per element of a list expression, as column {@code name}. */
    String unnestList(String listExpr, String name);

    /** The list 0, 1, ..., n - 1 of an integer expression n of at least 1. */
    String integersBelow(String n);

    /**
     * A table expression reading delimited text. Options are the reader's named options as
     * DuckDB's {@code read_csv} calls them (delim, header, quote, escape, nullstr, encoding,
     * skip, sample_size, max_line_size, ignore_errors ...), values already SQL literals; an
     * engine whose reader lacks one refuses it with {@link IllegalArgumentException}.
     */
    String readCsv(String path, Map<String, String> options);

    /**
     * True when {@link #readCsv} with {@code ignore_errors} can keep the rejected rows in a
     * table (DuckDB's {@code store_rejects}), so that a load can say how many it skipped.
     */
    boolean keepsCsvRejects();

    /** A table expression reading JSON: one document per line when {@code newlineDelimited}, else detected. */
    String readJson(String path, boolean newlineDelimited, boolean ignoreErrors);

    /**
     * Aggregate: the mean of an integer or DECIMAL expression as a DOUBLE, from an exact sum
     * (never a sum of rounded doubles, which depends on the order rows are added in).
     */
    String exactMean(String expr);
}
