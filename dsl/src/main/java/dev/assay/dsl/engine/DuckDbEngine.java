package dev.assay.dsl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBPreparedStatement;
import org.duckdb.DuckDBResultSet;

/**
 * DuckDB, embedded in this process. The database opens on first use (its native library is
 * large and costs about half a second), with a spill directory so that work larger than
 * memory goes to disk, all cores, and no network: an extension that is not built in fails
 * at once instead of trying to download. Rows reach Java through DuckDB's Arrow C stream.
 */
public final class DuckDbEngine implements SqlEngine {

    static final int ARROW_BATCH_ROWS = 8192;
    private static final Pattern PARSER_ERROR = Pattern.compile("^(Parser Error|syntax error)", Pattern.CASE_INSENSITIVE);
    /** Statements that never yield rows: binding them as a table is not even tried. */
    private static final Pattern NO_ROWS = Pattern.compile(
            "^(CREATE|INSERT|UPDATE|DELETE|DROP|ALTER|SET|RESET|ATTACH|DETACH|USE|COPY|INSTALL|LOAD|BEGIN|"
            + "COMMIT|ROLLBACK|ABORT|CHECKPOINT|VACUUM|EXPORT|IMPORT|PREPARE|EXECUTE|DEALLOCATE|COMMENT|TRUNCATE)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final SqlDialect DIALECT = new DuckDbDialect();

    private final Path spillDirectory;
    private Connection connection;
    private BufferAllocator allocator;
    private volatile Statement running;
    /** Statements prepared once on {@link #connection} (see {@link #withPrepared}); closed with it. */
    private final Map<String, PreparedStatement> prepared = new HashMap<>();
    private volatile boolean cancelled;
    /** The steps of the running {@link #smallResults} (total 0 when none), for {@link #runningProgress}. */
    private final AtomicInteger stepsDone = new AtomicInteger();
    /** Connections beside the main one, for {@link #smallResults}; closed with the engine. */
    private final List<Connection> sideConnections = new ArrayList<>();
    private final Set<Statement> runningSide = ConcurrentHashMap.newKeySet();
    private volatile int stepsTotal;
    /** The parts of the running {@link #inSteps} (0 when none), and those done. */
    private volatile int partsTotal;
    private final AtomicInteger partsDone = new AtomicInteger();

    private MemoryLimit memoryLimit;

    public DuckDbEngine(Path spillDirectory, MemoryLimit memoryLimit) {
        this.spillDirectory = spillDirectory;
        this.memoryLimit = memoryLimit;
    }

    @Override
    public synchronized void setMemoryLimit(MemoryLimit limit) {
        memoryLimit = limit;
        if (connection != null) {
            execute("SET memory_limit = " + quoteLiteral(limit.setting()));
        }
    }

    @Override
    public synchronized MemoryLimit memoryLimit() {
        return memoryLimit;
    }

    @Override
    public Optional<TablePreview> run(String statement, String bindAs, int previewRows) {
        String sql = stripTrailingSemicolons(statement);
        if (CHANGES_FUNCTIONS.matcher(sql).find()) {
            vocabulary = null;
        }
        String keyword = sql.stripLeading();
        if (bindAs != null && !NO_ROWS.matcher(keyword).find()) {
            try {
                String create = "CREATE OR REPLACE TABLE " + quoteIdentifier(bindAs) + " AS SELECT * FROM (\n" + sql + "\n)";
                // The statement's update count is the new table's row count: no count(*) after it.
                long rows = withStatement(st -> {
                    st.execute(create);
                    return st.getLargeUpdateCount();
                });
                return Optional.of(rows >= 0 ? preview(bindAs, previewRows, rows) : preview(bindAs, previewRows));
            } catch (SqlException e) {
                if (!PARSER_ERROR.matcher(e.getMessage()).find()) {
                    throw e;
                }
                // Not a query DuckDB can nest (EXPLAIN, PRAGMA, CALL ...): run it as written.
            }
        }
        return withStatement(st -> {
            if (!st.execute(sql)) {
                return Optional.empty();
            }
            try (ResultSet rs = st.getResultSet()) {
                return Optional.of(previewOf(rs, null, previewRows, -1));
            }
        });
    }

    @Override
    public void materialize(String name, String query) {
        run("CREATE OR REPLACE TABLE " + quoteIdentifier(name) + " AS " + query, null, 0);
    }

    @Override
    public long count(String relation) {
        return withStatement(st -> {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + quoteIdentifier(relation))) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public TablePreview preview(String relation, int previewRows) {
        return preview(relation, previewRows, count(relation));
    }

    private TablePreview preview(String relation, int previewRows, long total) {
        String quoted = quoteIdentifier(relation);
        return withStatement(st -> {
            try (ResultSet rs = st.executeQuery("SELECT * FROM " + quoted + " LIMIT " + Math.max(0, previewRows))) {
                return previewOf(rs, relation, previewRows, total);
            }
        });
    }

    @Override
    public List<Column> schema(String relation) {
        return withStatement(st -> {
            List<Column> columns = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("DESCRIBE " + quoteIdentifier(relation))) {
                while (rs.next()) {
                    columns.add(new Column(rs.getString("column_name"), rs.getString("column_type")));
                }
            }
            return columns;
        });
    }

    @Override
    public ArrowReader arrowBatches(String relation, int batchRows) {
        return arrowQuery("SELECT * FROM " + quoteIdentifier(relation), batchRows);
    }

    @Override
    public ArrowReader arrowQuery(String sql, int batchRows) {
        if (batchRows < 1) {
            throw new IllegalArgumentException("batches need at least 1 row, got " + batchRows);
        }
        return withStatement(st -> {
            // The statement must outlive this call: it closes with the reader.
            Statement open = connection().createStatement();
            try {
                ResultSet rs = open.executeQuery(sql);
                ArrowReader reader = (ArrowReader) ((DuckDBResultSet) rs).arrowExportStream(allocator(), batchRows);
                return new ClosingArrowReader(reader, rs, open, allocator());
            } catch (SQLException | RuntimeException e) {
                open.close();
                throw e;
            }
        });
    }

    @Override
    public void createTable(String name, Function<BufferAllocator, ArrowReader> rows) {
        writeArrow("CREATE OR REPLACE TABLE " + quoteIdentifier(name) + " AS", name, rows);
    }

    @Override
    public void insertInto(String name, Function<BufferAllocator, ArrowReader> rows) {
        writeArrow("INSERT INTO " + quoteIdentifier(name), name, rows);
    }

    /** Registers the Java batches as a scannable stream and runs {@code into SELECT * FROM stream}. */
    private void writeArrow(String into, String name, Function<BufferAllocator, ArrowReader> rows) {
        String stream = WORK_PREFIX + "stream_" + Long.toHexString(System.nanoTime());
        try (BufferAllocator child = allocator().newChildAllocator(stream, 0, Long.MAX_VALUE);
             ArrowReader reader = rows.apply(child);
             ArrowArrayStream exported = ArrowArrayStream.allocateNew(child)) {
            Data.exportArrayStream(child, reader, exported);
            try {
                withStatement(st -> {
                    connection().unwrap(DuckDBConnection.class).registerArrowStream(stream, exported);
                    st.execute(into + " SELECT * FROM " + quoteIdentifier(stream));
                    return null;
                });
            } finally {
                drop("VIEW", stream); // the registration is a view over the Java stream, scanned once
            }
        } catch (IOException e) {
            throw new SqlException("closing the rows for " + name + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isView(String relation) {
        return withStatement(st -> {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM duckdb_views() WHERE NOT internal AND view_name = "
                    + quoteLiteral(relation))) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        });
    }

    @Override
    public OptionalLong relationId(String relation) {
        return withPrepared("SELECT table_oid FROM duckdb_tables() WHERE NOT internal AND table_name = ? "
                + "UNION ALL SELECT view_oid FROM duckdb_views() WHERE NOT internal AND view_name = ?", ps -> {
            ps.setString(1, relation);
            ps.setString(2, relation);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        });
    }

    /**
     * DuckDB's own parse tree ({@code json_serialize_sql}) names every base table a SELECT reads.
     * Other statements (CREATE TABLE ... AS, INSERT) have no such tree: their bare and quoted
     * words are taken instead, which may name more than is read, never less.
     */
    @Override
    public Set<String> relationsRead(String statement) {
        Set<String> names = new LinkedHashSet<>();
        try {
            String json = withPrepared("SELECT json_serialize_sql(?)", ps -> {
                ps.setString(1, stripTrailingSemicolons(statement));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            JsonNode tree = JSON.readTree(json);
            if (!tree.path("error").asBoolean(false)) {
                collectBaseTables(tree, names);
                return names;
            }
        } catch (IOException | SqlException e) {
            // Lineage must never stop the statement itself: fall back to the words of the statement.
        }
        Matcher words = WORD.matcher(statement);
        while (words.find()) {
            names.add(words.group(1) != null ? words.group(1).replace("\"\"", "\"") : words.group(2));
        }
        return names;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WORD = Pattern.compile("\"((?:[^\"]|\"\")*)\"|([A-Za-z_][A-Za-z0-9_]*)");

    private static void collectBaseTables(JsonNode node, Set<String> names) {
        if ("BASE_TABLE".equals(node.path("type").asText()) && node.has("table_name")) {
            names.add(node.get("table_name").asText());
        }
        node.forEach(child -> collectBaseTables(child, names));
    }

    @Override
    public List<String> relations() {
        return withStatement(st -> {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT table_name FROM duckdb_tables() WHERE NOT internal "
                    + "UNION SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY 1")) {
                while (rs.next()) {
                    if (!rs.getString(1).startsWith(WORK_PREFIX)) {
                        names.add(rs.getString(1));
                    }
                }
            }
            return names;
        });
    }

    /**
     * From {@code duckdb_keywords()} and {@code duckdb_functions()}, kept until a statement that may
     * add functions runs (asking costs 150-400 ms, too much for every Tab). Internal names
     * ({@code __internal_...}) and operators ({@code +}) are left out.
     */
    @Override
    public SqlVocabulary vocabulary() {
        SqlVocabulary known = vocabulary;
        if (known == null) {
            known = readVocabulary();
            vocabulary = known;
        }
        return known;
    }

    /** Statements after which the functions may have changed: CREATE MACRO / FUNCTION, LOAD, ATTACH. */
    private static final Pattern CHANGES_FUNCTIONS = Pattern.compile("(?i)\\b(macro|function|load|attach|install)\\b");
    private volatile SqlVocabulary vocabulary;

    private SqlVocabulary readVocabulary() {
        return withStatement(st -> {
            List<String> keywords = new ArrayList<>();
            Set<String> reserved = new HashSet<>();
            try (ResultSet rs = st.executeQuery("SELECT keyword_name, keyword_category FROM duckdb_keywords() ORDER BY 1")) {
                while (rs.next()) {
                    String keyword = rs.getString(1).toLowerCase(Locale.ROOT);
                    keywords.add(keyword);
                    if ("reserved".equals(rs.getString(2))) {
                        reserved.add(keyword);
                    }
                }
            }
            List<String> functions = new ArrayList<>();
            List<String> tableFunctions = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT DISTINCT lower(function_name), function_type IN ('table', 'table_macro') "
                    + "FROM duckdb_functions() WHERE regexp_full_match(function_name, '[A-Za-z][A-Za-z0-9_]*') ORDER BY 1")) {
                while (rs.next()) {
                    (rs.getBoolean(2) ? tableFunctions : functions).add(rs.getString(1));
                }
            }
            return new SqlVocabulary(List.copyOf(keywords), Set.copyOf(reserved), List.copyOf(functions),
                    List.copyOf(tableFunctions));
        });
    }

    /**
     * Cancels the running statement and every later one until {@link #resetCancel()}: an
     * interrupt that lands just before a statement starts must still stop it.
     */
    @Override
    public void cancel() {
        cancelled = true;
        for (Statement side : runningSide) {
            try {
                side.cancel();
            } catch (SQLException e) {
                // finished meanwhile
            }
        }
        Statement st = running;
        if (st != null) {
            try {
                st.cancel();
            } catch (SQLException e) {
                // the statement finished meanwhile: nothing left to cancel
            }
        }
    }

    /**
     * DuckDB's own estimate for the running statement (rows processed of rows to process, by
     * operator); within {@link #smallResults}, the share of its steps done, the running one by
     * that estimate; within {@link #inSteps}, the share of its parts done, the running one so.
     */
    @Override
    public OptionalDouble runningProgress() {
        return overParts(partsTotal, partsDone.get(), overParts(stepsTotal, stepsDone.get(), statementProgress()));
    }

    /**
     * Progress over {@code total} parts of which {@code done} are done and the running one is
     * {@code running} percent along; {@code running} itself when no parts are counted (total 0).
     */
    private static OptionalDouble overParts(int total, int done, OptionalDouble running) {
        if (total == 0) {
            return running;
        }
        double parts = Math.min(done, total) + running.orElse(0) / 100.0;
        return OptionalDouble.of(Math.min(100.0, 100.0 * parts / total));
    }

    @Override
    public <T> T inSteps(int steps, Supplier<T> work) {
        partsDone.set(0);
        partsTotal = Math.max(0, steps);
        try {
            return work.get();
        } finally {
            partsTotal = 0;
            partsDone.set(0);
        }
    }

    @Override
    public void stepDone() {
        partsDone.incrementAndGet();
    }

    private OptionalDouble statementProgress() {
        Statement st = running;
        if (st == null) {
            return OptionalDouble.empty();
        }
        try {
            double percent = st.unwrap(DuckDBPreparedStatement.class).getQueryProgress().getPercentage();
            return percent < 0 || Double.isNaN(percent) ? OptionalDouble.empty()
                    : OptionalDouble.of(Math.min(100.0, percent));
        } catch (SQLException e) {
            return OptionalDouble.empty(); // finished and closed meanwhile
        }
    }

    /**
     * Side by side on as many connections as there are cores (the main one and duplicates of it
     * on the same database), counting steps for {@link #runningProgress}. DuckDB splits one
     * query's work by row groups of 122,880 rows, so a scan of a smaller table runs on one core;
     * batches of columns run side by side keep every core busy. A query a side connection cannot
     * run (a session's temporary table is visible only to the main one) runs on the main one after.
     */
    @Override
    public synchronized List<List<List<Object>>> smallResults(List<String> queries) {
        int lanes = Math.min(queries.size(), Runtime.getRuntime().availableProcessors());
        List<List<List<Object>>> results = new ArrayList<>(Collections.nCopies(queries.size(), null));
        AtomicInteger next = new AtomicInteger();
        Queue<Integer> retry = new ConcurrentLinkedQueue<>();
        List<Thread> side = new ArrayList<>();
        try {
            stepsDone.set(0);
            stepsTotal = queries.size();
            allocator();
            for (int lane = 1; lane < lanes; lane++) {
                Connection duplicate = sideConnection(lane - 1);
                Thread thread = new Thread(() -> runSide(duplicate, queries, results, next, retry), "assay-scan-" + lane);
                thread.setDaemon(true);
                thread.start();
                side.add(thread);
            }
            for (int i = next.getAndIncrement(); i < queries.size(); i = next.getAndIncrement()) {
                results.set(i, smallResult(queries.get(i)));
                stepsDone.incrementAndGet();
            }
            next.set(queries.size());
            joinAll(side);
            for (Integer i : retry) {
                results.set(i, smallResult(queries.get(i)));
            }
            return results;
        } catch (SQLException e) {
            throw new SqlException(cleanMessage(e), e);
        } finally {
            next.set(queries.size()); // an error on this lane stops the others after their current query
            joinAll(side);
            stepsTotal = 0;
            stepsDone.set(0);
        }
    }

    private void runSide(Connection connection, List<String> queries, List<List<List<Object>>> results,
                         AtomicInteger next, Queue<Integer> retry) {
        for (int i = next.getAndIncrement(); i < queries.size() && !cancelled; i = next.getAndIncrement()) {
            try (Statement st = connection.createStatement()) {
                runningSide.add(st);
                try (ResultSet rs = st.executeQuery(queries.get(i))) {
                    results.set(i, previewOf(rs, null, Integer.MAX_VALUE, -1).rows());
                    stepsDone.incrementAndGet();
                } finally {
                    runningSide.remove(st);
                }
            } catch (SQLException | RuntimeException e) {
                retry.add(i); // run again on the main connection, which reports a real error properly
            }
        }
    }

    private static void joinAll(List<Thread> threads) {
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The side connection number {@code index}, made on first use with the main one's client settings. */
    private Connection sideConnection(int index) throws SQLException {
        while (sideConnections.size() <= index) {
            Connection duplicate = connection().unwrap(DuckDBConnection.class).duplicate();
            try (Statement st = duplicate.createStatement()) {
                st.execute("SET enable_progress_bar = true");
                st.execute("SET enable_progress_bar_print = false");
            }
            sideConnections.add(duplicate);
        }
        return sideConnections.get(index);
    }

    @Override
    public SqlDialect dialect() {
        return DIALECT;
    }

    @Override
    public synchronized void close() {
        // Each quietly: one that cannot be closed must not keep the connection open.
        prepared.values().forEach(DuckDbEngine::closeQuietly);
        prepared.clear();
        sideConnections.forEach(DuckDbEngine::closeQuietly);
        sideConnections.clear();
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            // closing: nothing to recover
        } finally {
            connection = null;
            if (allocator != null) {
                allocator.close();
                allocator = null;
            }
            deleteSpillDirectory();
        }
    }

    private void deleteSpillDirectory() {
        try (var paths = Files.walk(spillDirectory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: the directory is in the system's temporary space
        }
    }

    private void execute(String sql) {
        withStatement(st -> st.execute(sql));
    }

    private TablePreview previewOf(ResultSet rs, String name, int limit, long knownTotal) throws SQLException {
        List<Column> columns = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            columns.add(new Column(rs.getMetaData().getColumnName(i), rs.getMetaData().getColumnTypeName(i)));
        }
        List<List<Object>> rows = new ArrayList<>();
        long seen = 0;
        try (ArrowReader reader = (ArrowReader) ((DuckDBResultSet) rs).arrowExportStream(allocator(), ARROW_BATCH_ROWS)) {
            while (reader.loadNextBatch()) {
                var root = reader.getVectorSchemaRoot();
                if (rows.size() < limit) {
                    rows.addAll(ArrowValues.rows(root, limit - rows.size()));
                }
                seen += root.getRowCount();
                if (knownTotal >= 0 && rows.size() >= limit) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new SqlException("reading the result failed: " + e.getMessage(), e);
        }
        return new TablePreview(name, columns, rows, knownTotal >= 0 ? knownTotal : seen);
    }

    @FunctionalInterface
    private interface StatementWork<T> {
        T apply(Statement statement) throws SQLException;
    }

    /** A fresh statement per query: DuckDB closes a statement whose query failed. */
    private synchronized <T> T withStatement(StatementWork<T> work) {
        throwIfCancelled(null);
        try (Statement st = connection().createStatement()) {
            running = st;
            throwIfCancelled(null); // a cancel between the check above and now found nothing running
            return work.apply(st);
        } catch (SQLException e) {
            throwIfCancelled(e);
            throw new SqlException(cleanMessage(e), e);
        } finally {
            running = null;
        }
    }

    /**
     * Runs work on a statement prepared once per connection and kept: the lineage asks the
     * catalog after every %%sql cell, and parsing and planning was most of that lookup's cost
     * (0.6 ms against 0.24 ms prepared, here). A statement that failed is dropped, not reused.
     */
    private synchronized <T> T withPrepared(String sql, PreparedWork<T> work) {
        throwIfCancelled(null);
        PreparedStatement ps = null;
        try {
            ps = prepared.get(sql);
            if (ps == null) {
                ps = connection().prepareStatement(sql);
                prepared.put(sql, ps);
            }
            running = ps;
            throwIfCancelled(null);
            return work.apply(ps);
        } catch (SQLException e) {
            if (ps != null) {
                prepared.remove(sql);
                closeQuietly(ps);
            }
            throwIfCancelled(e);
            throw new SqlException(cleanMessage(e), e);
        } finally {
            running = null;
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing: nothing to recover
        }
    }

    private interface PreparedWork<T> {
        T apply(PreparedStatement statement) throws SQLException;
    }

    /**
     * Not through {@link #withStatement}: that refuses to run after a cancel, and registers the
     * statement as {@link #running}, where a second interrupt would stop the cleanup too.
     */
    @Override
    public void dropScratch(String name) {
        drop("TABLE", name);
    }

    private synchronized void drop(String kind, String name) {
        if (connection == null) {
            return; // nothing was ever made
        }
        String drop = "DROP " + kind + " IF EXISTS " + quoteIdentifier(name);
        for (int attempt = 1; attempt <= 2; attempt++) {
            try (Statement st = connection.createStatement()) {
                st.execute(drop);
                return;
            } catch (SQLException e) {
                // An interrupt that reached DuckDB just as its statement ended can still be
                // pending on the connection and fail the next statement: try once more.
            }
        }
    }

    @Override
    public void resetCancel() {
        cancelled = false;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public synchronized void renameAllReplacing(Map<String, String> fromTo) {
        Map<String, Boolean> views = new LinkedHashMap<>();
        fromTo.values().forEach(to -> views.put(to, isView(to)));
        withStatement(st -> {
            st.execute("BEGIN TRANSACTION");
            try {
                for (Map.Entry<String, String> rename : fromTo.entrySet()) {
                    String to = rename.getValue();
                    st.execute((views.get(to) ? "DROP VIEW " : "DROP TABLE IF EXISTS ") + quoteIdentifier(to));
                    st.execute("ALTER TABLE " + quoteIdentifier(rename.getKey()) + " RENAME TO " + quoteIdentifier(to));
                }
                st.execute("COMMIT");
            } catch (SQLException e) {
                st.execute("ROLLBACK");
                throw e;
            }
            return null;
        });
    }

    private void throwIfCancelled(Throwable cause) {
        if (cancelled) {
            throw new QueryCancelledException("the query was cancelled", cause);
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement st = connection.createStatement()) {
                st.execute("SET autoinstall_known_extensions = false");
                st.execute("SET threads = " + Runtime.getRuntime().availableProcessors());
                st.execute("SET temp_directory = " + quoteLiteral(spillDirectory.toString()));
                st.execute("SET memory_limit = " + quoteLiteral(memoryLimit.setting()));
                // Progress is tracked for runningProgress(); DuckDB must not print its own bar to stdout.
                st.execute("SET enable_progress_bar = true");
                st.execute("SET enable_progress_bar_print = false");
            }
            DuckDbJavaFunctions.register(connection);
        }
        return connection;
    }

    private BufferAllocator allocator() {
        if (allocator == null) {
            allocator = new RootAllocator();
        }
        return allocator;
    }

    private static String stripTrailingSemicolons(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    static String cleanMessage(SQLException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.toString() : message.strip();
    }
}
