package dev.assay.dsl.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * The one interface through which operations run SQL. The DuckDB dialect stays inside its
 * implementation, so that another engine (Spark is the planned one) can run the same work.
 * Implementations are safe to {@link #cancel()} from another thread.
 */
public interface SqlEngine extends AutoCloseable {

    /** Scratch tables of operations start with this; they are not datasets. */
    String WORK_PREFIX = "__assay_";

    /**
     * Runs one statement. When it yields rows and {@code bindAs} is given, they become a table
     * of that name and its preview is returned; rows that cannot be bound (EXPLAIN, say) are
     * previewed as they come; a statement without rows returns empty.
     */
    Optional<TablePreview> run(String statement, String bindAs, int previewRows);

    /**
     * Makes (or replaces) table {@code name} holding the rows of {@code query}, in the order the
     * query gives them: how operations store intermediate results on any engine (DuckDB:
     * {@code CREATE OR REPLACE TABLE}; Spark: written out and read back, with a row ordinal).
     */
    void materialize(String name, String query);

    /**
     * Writes every row of a relation to one compressed Parquet file on this machine (a pinned
     * version's snapshot): the store is local even when the engine is not.
     */
    default void writeParquet(String relation, Path file) {
        run(dialect().copyToParquet(relation, file.toString()), null, 0);
    }

    /**
     * Makes (or replaces) table {@code name} from a Parquet file on this machine, each column
     * cast to its logical type in {@code schema} (Parquet keeps no ENUM, for one).
     */
    default void loadParquet(String name, Path file, List<Column> schema) {
        SqlDialect d = dialect();
        String columns = schema.stream().map(c -> "CAST(" + d.quoteIdentifier(c.name()) + " AS " + c.type() + ") AS "
                + d.quoteIdentifier(c.name())).collect(Collectors.joining(", "));
        materialize(name, "SELECT " + columns + " FROM " + d.readParquet(file.toString()));
    }

    /** The number of rows of a table or view. */
    long count(String relation);

    /** The first rows and the row count of a table or view. */
    TablePreview preview(String relation, int previewRows);

    List<Column> schema(String relation);

    /**
     * Every row of a relation as Arrow batches, streamed; the caller closes the reader. While
     * it is open the engine runs no other statement (one connection, one result at a time).
     */
    ArrowReader arrowBatches(String relation, int batchRows);

    /** The rows of a query as Arrow batches, streamed; the caller closes the reader (see {@link #arrowBatches}). */
    ArrowReader arrowQuery(String sql, int batchRows);

    /**
     * Makes (or replaces) table {@code name} from Arrow batches computed in Java, passed
     * through the Arrow C stream interface: {@code rows} makes the reader with the allocator
     * given; it is read to the end and closed.
     */
    void createTable(String name,
            Function<BufferAllocator, ArrowReader> rows);

    /** Appends Arrow batches computed in Java to an existing table of the same columns, as {@link #createTable}. */
    void insertInto(String name,
            Function<BufferAllocator, ArrowReader> rows);

    /** True when the relation is a view (its rows have no stored order), false for a table. */
    boolean isView(String relation);

    /**
     * An identity of the relation's current definition: it changes when the relation is dropped
     * and made again under the same name, so that what is known of the old one is not carried
     * over to the new. Empty when there is no such relation.
     */
    OptionalLong relationId(String relation);

    /**
     * The relations a SQL statement reads, as far as the engine can tell: those named in its
     * FROM clauses (subqueries included). Names of CTEs may appear; callers keep the ones they know.
     */
    Set<String> relationsRead(String statement);

    /** Names of the tables and views of the session, without the operations' scratch tables. */
    List<String> relations();

    /** The engine's SQL keywords and function names, as they are now (user macros included). */
    SqlVocabulary vocabulary();

    /**
     * Stops the running statement, if any, and refuses later ones until {@link #resetCancel()};
     * a stopped statement fails with {@link QueryCancelledException}.
     */
    void cancel();

    /**
     * How far the running statement is, in percent (0-100), as the engine estimates it; empty
     * when no statement runs or the engine cannot tell. Safe to call from another thread, and
     * never opens the database.
     */
    OptionalDouble runningProgress();

    /**
     * Runs {@code work}, made of {@code steps} parts of about equal cost, each ended by
     * {@link #stepDone()} (a batch of columns, say): meanwhile {@link #runningProgress()} tells
     * how far all of it is, so a progress bar does not start again at each part.
     */
    default <T> T inSteps(int steps, Supplier<T> work) {
        return work.get();
    }

    /** One part of the work of {@link #inSteps} is done. */
    default void stepDone() {
    }

    /**
     * Drops the scratch table {@code name} if it exists, whatever happened before: also
     * between {@link #cancel()} and {@link #resetCancel()}, and after the engine interrupted a
     * statement. A cancel does not stop it. It never throws: cleanup must not hide the error
     * that ended the work, and a table it could not drop goes with the session.
     */
    void dropScratch(String name);

    /** Lets statements run again after {@link #cancel()} (at the start of the next cell). */
    void resetCancel();

    /** True between {@link #cancel()} and {@link #resetCancel()}: work outside SQL (waiting for a lock) stops too. */
    boolean isCancelled();

    /**
     * Gives each table (key) its new name (value) in one transaction, replacing whatever table
     * or view had that name: every target changes, or none does (see {@link StagedTables}).
     */
    void renameAllReplacing(Map<String, String> fromTo);

    /** Work beyond this much memory spills to disk (or fails, for what cannot spill). */
    void setMemoryLimit(MemoryLimit limit);

    MemoryLimit memoryLimit();

    /** How this engine spells the functions operations need. */
    SqlDialect dialect();

    /**
     * Every row of a query whose result is small (aggregates, a few hundred rows at most),
     * as plain Java values read through Arrow. Not for reading relations: see {@link #arrowBatches}.
     */
    default List<List<Object>> smallResult(String query) {
        return run(query, null, Integer.MAX_VALUE).map(TablePreview::rows).orElse(List.of());
    }

    /**
     * The results of independent queries (the batches of one scan), each small as in
     * {@link #smallResult}, in order. They are the steps of one piece of work:
     * {@link #runningProgress()} tells how far all of them are, and an engine may run them side by side.
     */
    default List<List<List<Object>>> smallResults(List<String> queries) {
        return queries.stream().map(this::smallResult).toList();
    }

    default String quoteIdentifier(String name) {
        return dialect().quoteIdentifier(name);
    }

    default String quoteLiteral(String value) {
        return dialect().quoteLiteral(value);
    }

    /**
     * The rows of {@code query} numbered (and summed) in one total order, as {@link Ranking} says:
     * the window functions of {@link Ranking#windowSql} on an engine of one machine; an engine
     * that spreads rows over tasks computes the same columns without gathering them in one.
     * The relation is valid until the returned value is closed.
     */
    default RankedRows ranked(String query, Ranking ranking) {
        return RankedRows.inline(ranking.windowSql(query));
    }

    @Override
    void close();
}
