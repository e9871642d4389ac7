package dev.assay.dsl.engine;

/**
 * The rows of {@link SqlEngine#ranked}: a relation to read in FROM while this is open (an inline
 * query on DuckDB, scratch tables on Spark, dropped by {@link #close()}).
 */
public interface RankedRows extends AutoCloseable {

    /** The relation, as SQL that can follow FROM. */
    String relation();

    @Override
    void close();

    /** Rows that are a query, with nothing to drop. */
    static RankedRows inline(String relation) {
        return of(relation, () -> { });
    }

    /** Rows read as {@code relation}, freed by {@code drop} (the scratch tables that hold them). */
    static RankedRows of(String relation, Runnable drop) {
        return new RankedRows() {
            @Override
            public String relation() {
                return relation;
            }

            @Override
            public void close() {
                drop.run();
            }
        };
    }
}
