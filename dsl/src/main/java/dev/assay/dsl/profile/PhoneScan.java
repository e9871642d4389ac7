package dev.assay.dsl.profile;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.ColumnBatches;
import dev.assay.dsl.engine.QueryCancelledException;
import dev.assay.dsl.engine.SqlDialect;
import dev.assay.dsl.engine.SqlEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.IntStream;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * Counts values holding phone numbers in one scan: the engine keeps only the values that pass
 * the cheap {@link PhoneFinder#CANDIDATE} pre-filter, and Java confirms those with
 * libphonenumber, batch by batch, so at most one Arrow batch of candidates is in the heap.
 */
final class PhoneScan {

    private static final int BATCH_ROWS = 4096;

    /** Per column, the values holding a phone number; and the rows where any column holds one. */
    record Counts(long[] values, long rows) {
    }

    private final SqlEngine engine;
    private final PhoneFinder finder;

    PhoneScan(SqlEngine engine, PhoneRegions regions) {
        this.engine = engine;
        this.finder = new PhoneFinder(regions);
    }

    /**
     * Counts over the text columns of {@code relation}; {@code skipRows}, when given, is an SQL
     * condition on the relation's columns for rows to leave out (rows already counted otherwise).
     */
    Counts count(String relation, List<Column> textColumns, String skipRows) {
        long[] values = new long[textColumns.size()];
        if (textColumns.isEmpty()) {
            return new Counts(values, 0);
        }
        long rows = 0;
        try (ArrowReader reader = engine.arrowQuery(candidates(relation, textColumns, skipRows), BATCH_ROWS)) {
            while (reader.loadNextBatch()) {
                if (engine.isCancelled() || Thread.currentThread().isInterrupted()) {
                    throw new QueryCancelledException("phone number search interrupted", null);
                }
                rows += countBatch(reader.getVectorSchemaRoot(), values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading values for phone numbers failed: " + e.getMessage(), e);
        }
        return new Counts(values, rows);
    }

    /**
     * Per text column, the values holding a phone number (what a profile shows), in statements of
     * {@link ColumnBatches#DEFAULT_SIZE} columns each: a candidate is one (column, value) pair
     * with its row count, so the grouping grows with the columns, not with combinations of
     * them as {@link #count} must for rows.
     */
    long[] countValues(String relation, List<Column> textColumns) {
        long[] values = new long[textColumns.size()];
        int offset = 0;
        for (List<Column> batch : ColumnBatches.of(textColumns)) {
            try (ArrowReader reader = engine.arrowQuery(candidatePairs(relation, batch), BATCH_ROWS)) {
                while (reader.loadNextBatch()) {
                    if (engine.isCancelled() || Thread.currentThread().isInterrupted()) {
                        throw new QueryCancelledException("phone number search interrupted", null);
                    }
                    countPairs(reader.getVectorSchemaRoot(), values, offset);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading values for phone numbers failed: " + e.getMessage(), e);
            }
            offset += batch.size();
        }
        return values;
    }

    /** Rows (which column, candidate value, rows holding it) of the batch into {@code values}. */
    private void countPairs(VectorSchemaRoot root, long[] values, int offset) {
        IntVector which = (IntVector) root.getVector(0);
        VarCharVector candidate = (VarCharVector) root.getVector(1);
        BigIntVector repeats = (BigIntVector) root.getVector(2);
        AtomicLongArray found = new AtomicLongArray(values.length);
        // The library's work is the cost here: spread the batch's rows over the cores.
        IntStream.range(0, root.getRowCount()).parallel().forEach(r -> {
            if (finder.holdsPhone(new String(candidate.get(r), StandardCharsets.UTF_8))) {
                found.addAndGet(offset + which.get(r), repeats.get(r));
            }
        });
        for (int c = 0; c < values.length; c++) {
            values[c] += found.get(c);
        }
    }

    /** Per column of the batch, its distinct values passing the pre-filter, with their row counts. */
    private String candidatePairs(String relation, List<Column> batch) {
        SqlDialect sql = engine.dialect();
        List<String> which = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            String quoted = sql.quoteIdentifier(batch.get(i).name());
            which.add(Integer.toString(i));
            candidates.add("CASE WHEN " + sql.regexFind(quoted, PhoneFinder.CANDIDATE) + " THEN " + quoted + " END");
        }
        return "SELECT w, v, count(*) AS n FROM (SELECT unnest(" + sql.listLiteral(which) + ") AS w, unnest("
                + sql.listLiteral(candidates) + ") AS v FROM " + sql.quoteIdentifier(relation) + ")\nWHERE v IS NOT NULL GROUP BY w, v";
    }

    /**
     * Adds the batch's per-column counts to {@code values}; returns its rows holding any phone
     * number. Each batch row is a distinct combination of candidates with its number of rows.
     */
    private long countBatch(VectorSchemaRoot root, long[] values) {
        int columns = values.length;
        BigIntVector repeats = (BigIntVector) root.getVector(columns);
        AtomicLongArray found = new AtomicLongArray(columns);
        // The library's work is the cost here: spread the batch's rows over the cores.
        long rows = IntStream.range(0, root.getRowCount()).parallel().mapToLong(r -> {
            boolean any = false;
            for (int c = 0; c < columns; c++) {
                VarCharVector vector = (VarCharVector) root.getVector(c);
                if (!vector.isNull(r) && finder.holdsPhone(new String(vector.get(r), StandardCharsets.UTF_8))) {
                    found.addAndGet(c, repeats.get(r));
                    any = true;
                }
            }
            return any ? repeats.get(r) : 0;
        }).sum();
        for (int c = 0; c < columns; c++) {
            values[c] += found.get(c);
        }
        return rows;
    }

    /**
     * Per text column its value where it passes the pre-filter, else NULL, and how many rows
     * have these values; only rows with some candidate.
     */
    private String candidates(String relation, List<Column> textColumns, String skipRows) {
        SqlDialect sql = engine.dialect();
        List<String> select = new ArrayList<>();
        List<String> any = new ArrayList<>();
        for (int i = 0; i < textColumns.size(); i++) {
            String quoted = sql.quoteIdentifier(textColumns.get(i).name());
            select.add("CASE WHEN " + sql.regexFind(quoted, PhoneFinder.CANDIDATE) + " THEN " + quoted + " END AS p" + i);
            any.add("p" + i + " IS NOT NULL");
        }
        String from = sql.quoteIdentifier(relation) + (skipRows == null ? "" : " WHERE NOT (" + skipRows + ")");
        // Repeated values (templated messages, say) go to the library once, with their count.
        List<String> names = IntStream.range(0, textColumns.size()).mapToObj(i -> "p" + i).toList();
        return "SELECT " + String.join(", ", names) + ", count(*) AS n FROM (SELECT " + String.join(", ", select) + " FROM "
                + from + ")\nWHERE " + sql.anyTrue(any) + "\nGROUP BY " + String.join(", ", names);
    }
}
