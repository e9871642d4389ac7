package dev.assay.dsl.engine;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A scratch table an operation makes and drops when done. Its name starts with
 * {@link SqlEngine#WORK_PREFIX}, so it never shows up as a dataset.
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
        engine.run("CREATE OR REPLACE TABLE " + table.quoted() + " AS " + query, null, 0);
        return table;
    }

    public String name() {
        return name;
    }

    public String quoted() {
        return engine.quoteIdentifier(name);
    }

    @Override
    public void close() {
        try {
            engine.run("DROP TABLE IF EXISTS " + quoted(), null, 0);
        } catch (RuntimeException e) {
            // A cancelled session refuses statements until the next cell; the name is unique, so a
            // leftover table harms nothing and goes with the session.
        }
    }
}
