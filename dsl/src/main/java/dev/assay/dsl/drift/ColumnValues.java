package dev.assay.dsl.drift;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.SqlDialect;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.engine.WorkTable;
import dev.assay.dsl.profile.ColumnKind;
import dev.assay.dsl.profile.Histogram;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One column of both datasets reduced to its distinct values and their counts on each side:
 * a scratch table (v, r, c), r counting the reference and c the current. Every statistic is
 * computed from it inside the engine, so no values enter the Java heap. Numbers become DOUBLE
 * (NaN and infinities are missing), dates and timestamps microseconds since 1970; booleans
 * stay as they are and text (enumerations too) is VARCHAR. Relations that several methods
 * read (the share bins, the word counts) are made once, on first use, and dropped with it.
 */
final class ColumnValues implements AutoCloseable {

    final SqlEngine engine;
    final SqlDialect sql;
    final WorkTable table;
    /** The column's kind as drift reads it: ENUM is TEXT (see {@link DriftKind#columnKindOf}). */
    final ColumnKind columnKind;
    /** numpy floors a Sturges width at 1 for integer data: integers and microseconds. */
    final boolean integer;
    final long referenceValues;
    final long currentValues;
    final long distinct;
    final long referenceDistinct;
    final double min;
    final double max;
    private final Map<String, WorkTable> derived = new LinkedHashMap<>();

    private ColumnValues(SqlEngine engine, WorkTable table, ColumnKind columnKind, boolean integer) {
        this.engine = engine;
        this.sql = engine.dialect();
        this.table = table;
        this.columnKind = columnKind;
        this.integer = integer;
        boolean numeric = isNumeric(columnKind);
        List<Object> row = engine.smallResult("SELECT count(*), count(*) FILTER (WHERE r > 0), coalesce(sum(r), 0), "
                + "coalesce(sum(c), 0)" + (numeric ? ", min(v), max(v)" : "") + " FROM " + table.quoted()).get(0);
        this.distinct = number(row.get(0));
        this.referenceDistinct = number(row.get(1));
        this.referenceValues = number(row.get(2));
        this.currentValues = number(row.get(3));
        this.min = numeric && row.get(4) != null ? ((Number) row.get(4)).doubleValue() : Double.NaN;
        this.max = numeric && row.get(5) != null ? ((Number) row.get(5)).doubleValue() : Double.NaN;
    }

    static ColumnValues of(SqlEngine engine, String reference, String current, Column referenceColumn, Column currentColumn) {
        SqlDialect sql = engine.dialect();
        ColumnKind kind = DriftKind.columnKindOf(referenceColumn.type());
        boolean numeric = isNumeric(kind);
        boolean integer = kind == ColumnKind.TEMPORAL
                || ColumnKind.isInteger(referenceColumn.type()) && ColumnKind.isInteger(currentColumn.type());
        boolean mayBeNonFinite = ColumnKind.isFloat(referenceColumn.type()) || ColumnKind.isFloat(currentColumn.type());
        String column = sql.quoteIdentifier(referenceColumn.name());
        // Text is cast so that an enumeration and a VARCHAR meet as labels.
        String value = kind == ColumnKind.TEMPORAL ? sql.castDouble(sql.epochMicros(column))
                : numeric ? sql.castDouble(column) : kind == ColumnKind.TEXT ? sql.castText(column) : column;
        String query = "SELECT v, count(*) FILTER (WHERE s = 0) AS r, count(*) FILTER (WHERE s = 1) AS c FROM ("
                + "SELECT 0 AS s, " + value + " AS v FROM " + sql.quoteIdentifier(reference)
                + " UNION ALL SELECT 1 AS s, " + value + " AS v FROM " + sql.quoteIdentifier(current)
                + ") WHERE v IS NOT NULL" + (mayBeNonFinite ? " AND " + sql.isFinite("v") : "") + " GROUP BY v";
        return WorkTable.ownedBy(WorkTable.of(engine, "drift_values", query),
                table -> new ColumnValues(engine, table, kind, integer));
    }

    private static boolean isNumeric(ColumnKind kind) {
        return kind == ColumnKind.NUMERIC || kind == ColumnKind.TEMPORAL;
    }

    /** Numbers and times are numeric; booleans categorical; text free text or categorical by its reference values. */
    DriftKind driftKind() {
        if (isNumeric(columnKind)) {
            return DriftKind.NUMERIC;
        }
        return columnKind == ColumnKind.BOOLEAN ? DriftKind.CATEGORICAL : DriftKind.ofText(referenceDistinct, referenceValues);
    }

    boolean temporal() {
        return columnKind == ColumnKind.TEMPORAL;
    }

    /** Per distinct value: (k, r, c). */
    String perValue() {
        return "SELECT v AS k, r, c FROM " + table.quoted();
    }

    /** The Sturges edges over both samples together, which psi, js and the distribution share. */
    double[] shareEdges() {
        return SturgesBins.edges(referenceValues + currentValues, min, max, integer);
    }

    /** {@link #perBin} of {@link #shareEdges()}, made once. */
    String shareBins() {
        return "SELECT * FROM " + derived("drift_bins", perBin(shareEdges()));
    }

    /**
     * Every word of the text with its counts on each side, (k, r, c), made once. Tokenizing
     * by regular expression is the costly part (about 1.5 s for a million texts of 100
     * characters), so the texts are first cut at spaces, which is ten times cheaper, and only
     * the distinct pieces (a vocabulary, with their punctuation) are tokenized: the same
     * words, as no word spans a space.
     */
    String wordCounts() {
        String pieces = "SELECT piece, sum(r) AS r, sum(c) AS c FROM (SELECT unnest(" + sql.spaceSeparated("v")
                + ") AS piece, r, c FROM " + table.quoted() + ") GROUP BY piece";
        return "SELECT * FROM " + derived("drift_words", "SELECT word AS k, sum(r) AS r, sum(c) AS c FROM (SELECT unnest("
                + sql.words("piece") + ") AS word, r, c FROM (" + pieces + ")) GROUP BY word");
    }

    /**
     * The {@code n} most frequent labels of a (k, r, c) relation (by r + c, ties by label as
     * text) and every other label pooled under a null label: (k, r, c, first), {@code first}
     * the rank of the bin's first label, for ordering.
     */
    String topLabels(String counts, int n) {
        String ranked = "SELECT " + sql.castText("k") + " AS k, r, c, row_number() OVER (ORDER BY r + c DESC, "
                + sql.castText("k") + ") AS rank FROM (" + counts + ")";
        return "SELECT CASE WHEN rank <= " + n + " THEN k END AS k, sum(r) AS r, sum(c) AS c, min(rank) AS first FROM ("
                + ranked + ") GROUP BY 1";
    }

    /** A scratch table of the query's rows under this purpose, made on first use; its quoted name. */
    private String derived(String purpose, String query) {
        return derived.computeIfAbsent(purpose, p -> WorkTable.of(engine, p, query)).quoted();
    }

    /** Per bin of the edges, empty bins included: (k, r, c), k the 0-based bin. */
    String perBin(double[] edges) {
        String raw = Histogram.rawBinSql(sql, "v", edges);
        String bin = Histogram.binIndexSql(sql, "v", "i", edges);
        return "SELECT t.k, coalesce(b.r, 0) AS r, coalesce(b.c, 0) AS c FROM range(" + (edges.length - 1) + ") AS t(k) "
                + "LEFT JOIN (SELECT " + bin + " AS k, sum(r) AS r, sum(c) AS c FROM (SELECT v, r, c, " + raw + " AS i FROM "
                + table.quoted() + ") GROUP BY 1) AS b ON b.k = t.k";
    }

    /** Running counts in value order: (v, next value, cr, cc). */
    String cumulative() {
        return "SELECT v, lead(v) OVER (ORDER BY v) AS next, sum(r) OVER w AS cr, sum(c) OVER w AS cc FROM "
                + table.quoted() + " WINDOW w AS (ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)";
    }

    List<List<Object>> query(String sqlText) {
        return engine.smallResult(sqlText);
    }

    double scalar(String sqlText) {
        Object v = query(sqlText).get(0).get(0);
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }

    static long number(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    @Override
    public void close() {
        new ArrayList<>(derived.values()).forEach(WorkTable::close);
        table.close();
    }
}
