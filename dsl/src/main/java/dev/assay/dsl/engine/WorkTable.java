package dev.assay.dsl.engine;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A scratch table an operation makes and drops when done, on every way out: open it in a
 * try-with-resources (or hand it to an owner with {@link #ownedBy}), and {@link #close()}
 * drops it also after an interrupt. Its name starts with {@link SqlEngine#WORK_PREFIX}, so it
 * never shows up as a dataset.
 */
public final class WorkTable implements AutoCloseable {

    private static final AtomicLong NEXT = new AtomicLong();

    private final SqlEngine engine;
    private final String name;

    private WorkTable(SqlEngine engine, String name) {
        this.engine = engine;
        this.name = name;
    }

    /** A fresh name for a scratch table; nothing is created yet. */
    public static WorkTable named(SqlEngine engine, String purpose) {
        return new WorkTable(engine, SqlEngine.WORK_PREFIX + purpose + "_" + NEXT.incrementAndGet());
    }

    /** A scratch table holding the rows of {@code query}, in the order the query gives them. */
    public static WorkTable of(SqlEngine engine, String purpose, String query) {
        WorkTable table = named(engine, purpose);
        engine.materialize(table.name(), query);
        return table;
    }

    /**
     * The object that owns {@code table} from now on (and drops it when closed), made by
     * {@code owner}; when making it fails (an interrupt in its first query, say), the table is
     * dropped here, since no one else could.
     */
    public static <T extends AutoCloseable> T ownedBy(WorkTable table, Function<WorkTable, T> owner) {
        try {
            return owner.apply(table);
        } catch (RuntimeException | Error e) {
            table.close();
            throw e;
        }
    }

    public String name() {
        return name;
    }

    public String quoted() {
        return engine.quoteIdentifier(name);
    }

    /** Drops the table, also when the session was cancelled meanwhile (see {@link SqlEngine#dropScratch}). */
    @Override
    public void close() {
        engine.dropScratch(name);
    }
}
