package dev.assay.dsl.profile;

import dev.assay.dsl.engine.LongColumnsReader;
import dev.assay.dsl.engine.QueryCancelledException;
import dev.assay.dsl.engine.RankedRows;
import dev.assay.dsl.engine.Ranking;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.engine.WorkTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * The phone candidates of {@link PiiRowMarks} that libphonenumber confirms: each distinct value
 * (of rows SQL has not already counted) goes to Java once, however many rows and columns hold
 * it, and the confirmed ones go back to the engine as numbers of a scratch table. Values are
 * read in chunks, so the heap holds at most one chunk's confirmed numbers.
 */
final class ConfirmedPhones implements AutoCloseable {

    /** Distinct candidates read per statement: a chunk's confirmed numbers are at most 8 MB. */
    static final int CHUNK = 1 << 20;

    private final SqlEngine engine;
    private final PhoneFinder finder;
    private final WorkTable candidates;
    private final WorkTable confirmed;
    private final int chunk;
    private boolean anyConfirmed;

    private ConfirmedPhones(SqlEngine engine, PhoneFinder finder, WorkTable candidates, WorkTable confirmed, int chunk) {
        this.engine = engine;
        this.finder = finder;
        this.candidates = candidates;
        this.confirmed = confirmed;
        this.chunk = chunk;
    }

    /** Confirms the candidates of {@code marks}, {@link #CHUNK} a statement. */
    static ConfirmedPhones of(SqlEngine engine, PiiRowMarks marks, PhoneFinder finder) {
        return of(engine, marks, finder, CHUNK);
    }

    /** Confirms the candidates of {@code marks}, numbered {@code k} from 0 in their table, {@code chunk} a statement. */
    static ConfirmedPhones of(SqlEngine engine, PiiRowMarks marks, PhoneFinder finder, int chunk) {
        String sqlKind = engine.quoteLiteral(PiiRowMarks.SQL_KIND);
        // NOT EXISTS, not NOT IN: r is never NULL, and Spark plans a NOT IN as a nested loop unless it broadcasts.
        String distinct = "SELECT DISTINCT v FROM " + marks.relation() + " AS m WHERE v <> " + sqlKind
                + " AND NOT EXISTS (SELECT 1 FROM " + marks.relation() + " AS s WHERE s.r = m.r AND s.v = " + sqlKind + ")";
        WorkTable candidates;
        try (RankedRows ranked = engine.ranked(distinct, Ranking.rank("v", "k"))) { // k: 0, 1, ... over every candidate
            candidates = WorkTable.of(engine, "phone_candidates", "SELECT k, v FROM " + ranked.relation());
        }
        return WorkTable.ownedBy(candidates, owned -> {
            ConfirmedPhones phones = new ConfirmedPhones(engine, finder, owned, WorkTable.named(engine, "phones"), chunk);
            try {
                phones.confirmAll();
            } catch (RuntimeException | Error e) {
                phones.confirmed.close();
                throw e;
            }
            return phones;
        });
    }

    /** A subquery of the confirmed values, or empty when none is a phone number. */
    Optional<String> values() {
        return anyConfirmed ? Optional.of("SELECT c.v FROM " + candidates.quoted() + " c JOIN " + confirmed.quoted()
                + " p ON c.k = p.k") : Optional.empty();
    }

    private void confirmAll() {
        long count = engine.count(candidates.name());
        for (long from = 0; from < count; from += chunk) {
            long[] numbers = new long[(int) Math.min(chunk, count - from)];
            int found = confirmChunk(from, numbers);
            if (found > 0) {
                store(numbers, found);
            }
        }
    }

    /** The first {@code found} of {@code numbers} into the table of confirmed candidates. */
    private void store(long[] numbers, int found) {
        Function<BufferAllocator, ArrowReader> rows = allocator -> new LongColumnsReader(allocator, List.of("k"),
                List.of(numbers), found);
        if (anyConfirmed) {
            engine.insertInto(confirmed.name(), rows);
        } else {
            engine.createTable(confirmed.name(), rows);
            anyConfirmed = true;
        }
    }

    /** Puts the numbers of the confirmed candidates from {@code from} on into {@code numbers}; returns how many. */
    private int confirmChunk(long from, long[] numbers) {
        int found = 0;
        try (ArrowReader reader = engine.arrowQuery("SELECT k, v FROM " + candidates.quoted() + " WHERE k >= " + from
                + " AND k < " + (from + numbers.length), PhoneScan.BATCH_ROWS)) {
            while (reader.loadNextBatch()) {
                if (engine.isCancelled() || Thread.currentThread().isInterrupted()) {
                    throw new QueryCancelledException("phone number search interrupted", null);
                }
                VectorSchemaRoot root = reader.getVectorSchemaRoot();
                BigIntVector k = (BigIntVector) root.getVector(0);
                boolean[] phone = finder.holdPhones((VarCharVector) root.getVector(1));
                for (int r = 0; r < phone.length; r++) {
                    if (phone[r]) {
                        numbers[found++] = k.get(r);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading values for phone numbers failed: " + e.getMessage(), e);
        }
        return found;
    }

    @Override
    public void close() {
        confirmed.close();
        candidates.close();
    }
}
