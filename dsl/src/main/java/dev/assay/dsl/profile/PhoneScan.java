package dev.assay.dsl.profile;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.ColumnBatches;
import dev.assay.dsl.engine.QueryCancelledException;
import dev.assay.dsl.engine.SqlDialect;
import dev.assay.dsl.engine.SqlEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * Counts, per text column, the values holding phone numbers (what a profile shows): the engine
 * keeps only the values that pass the cheap {@link PhoneFinder#CANDIDATE} pre-filter, and Java
 * confirms those with libphonenumber, batch by batch, so at most one Arrow batch of candidates
 * is in the heap. Rows holding one are counted by {@link PiiCount}.
 */
final class PhoneScan {

    static final int BATCH_ROWS = 4096;

    private final SqlEngine engine;
    private final PhoneFinder finder;

    PhoneScan(SqlEngine engine, PhoneRegions regions) {
        this.engine = engine;
        this.finder = new PhoneFinder(regions);
    }

    /**
     * Per text column, the values holding a phone number, in statements of
     * {@link ColumnBatches#DEFAULT_SIZE} columns each: a candidate is one (column, value) pair
     * with its row count, so the grouping grows with the columns, not with combinations of them.
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
        BigIntVector repeats = (BigIntVector) root.getVector(2);
        boolean[] phone = finder.holdPhones((VarCharVector) root.getVector(1));
        for (int r = 0; r < phone.length; r++) {
            if (phone[r]) {
                values[offset + which.get(r)] += repeats.get(r);
            }
        }
    }

    /** Per column of the batch, its distinct values passing the pre-filter, with their row counts. */
    private String candidatePairs(String relation, List<Column> batch) {
        SqlDialect sql = engine.dialect();
        List<String> which = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            which.add(Integer.toString(i));
            candidates.add(candidate(sql, sql.quoteIdentifier(batch.get(i).name())));
        }
        return "SELECT w, v, count(*) AS n FROM (SELECT " + sql.unnestColumns(List.of("w", "v"), List.of(which, candidates))
                + " FROM " + sql.quoteIdentifier(relation) + ")\nWHERE v IS NOT NULL GROUP BY w, v";
    }

    /** The value of a text expression where it passes the pre-filter, else NULL. */
    private static String candidate(SqlDialect sql, String quoted) {
        return "CASE WHEN " + sql.regexFind(quoted, PhoneFinder.CANDIDATE) + " THEN " + quoted + " END";
    }
}
