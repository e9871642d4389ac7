package dev.assay.spark;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.EngineSettings;
import dev.assay.dsl.engine.MemoryLimit;
import dev.assay.dsl.engine.QueryCancelledException;
import dev.assay.dsl.engine.RankedRows;
import dev.assay.dsl.engine.Ranking;
import dev.assay.dsl.engine.SqlDialect;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.engine.SqlException;
import dev.assay.dsl.engine.SqlVocabulary;
import dev.assay.dsl.engine.TablePreview;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Apache Spark as the engine of Assay's operations, through the {@link SparkSession} SQL and
 * DataFrame API only, so that one implementation serves a Spark Connect server and a classic
 * local session. Every dataset and scratch table is a query result checkpointed on the cluster
 * (its lineage cut, its rows kept by Spark's block manager, spilling to disk) and named as a
 * temporary view; each holds a hidden column {@link SparkDialect#ROW_ORDINAL} giving its rows'
 * order, since Spark keeps none. See docs/spark.md.
 */
public final class SparkEngine implements SqlEngine {

    private static final SqlDialect DIALECT = new SparkDialect();
    private static final String ORDINAL = SparkDialect.ROW_ORDINAL;
    /** Rows of Java-computed data sent to Spark at a time when making a table of it. */
    private static final int ROWS_PER_UPLOAD = 50_000;
    /** A statement that yields rows to bind: a query, not a command whose output is only shown. */
    private static final Pattern QUERY = Pattern.compile("^\\s*(\\(\\s*)*(SELECT|WITH|VALUES|FROM|TABLE)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD = Pattern.compile("`((?:[^`]|``)*)`|([A-Za-z_][A-Za-z0-9_]*)");

    private final SparkSession spark;
    private final boolean ownsSession;
    /** The relations this engine made, by lower-cased name (Spark compares names without case). */
    private final Map<String, Stored> stored = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong();
    /** The catalog's names, read again only after a statement that is not a query. */
    private final CatalogNames names = new CatalogNames(this::catalogNames);
    private final BufferAllocator allocator = new RootAllocator();
    private volatile boolean cancelled;
    private volatile MemoryLimit memoryLimit;
    private final LocalParquet localFiles;
    private SqlVocabulary vocabulary;

    private record Stored(Dataset<Row> rows, long id) {
    }

    /**
     * An engine on {@code spark}; with {@code ownsSession} the session is stopped when the
     * engine closes (a session the user handed over is left running).
     */
    public SparkEngine(SparkSession spark, boolean ownsSession, MemoryLimit memoryLimit) {
        this.spark = spark;
        this.ownsSession = ownsSession;
        this.memoryLimit = memoryLimit;
        this.localFiles = new LocalParquet(new EngineSettings(memoryLimit, Map.of()));
        // Times without a zone become instants at UTC, as in DuckDB, whatever the cluster's default.
        spark.conf().set("spark.sql.session.timeZone", "UTC");
        SparkFunctions.register(spark);
    }

    @Override
    public Optional<TablePreview> run(String statement, String bindAs, int previewRows) {
        String sql = stripTrailingSemicolons(statement);
        boolean query = QUERY.matcher(sql).find();
        if (!query) {
            names.commandRuns();
            vocabulary = null;
        }
        try {
            return ran(sql, query, bindAs, previewRows);
        } finally {
            if (!query) {
                names.commandRuns();
            }
        }
    }

    private Optional<TablePreview> ran(String sql, boolean query, String bindAs, int previewRows) {
        return guarded(() -> {
            Dataset<Row> rows = spark.sql(sql);
            if (rows.schema().isEmpty()) {
                return Optional.empty();
            }
            if (bindAs != null && query) {
                store(bindAs, rows);
                return Optional.of(preview(bindAs, previewRows));
            }
            return Optional.of(shown(rows, previewRows));
        });
    }

    @Override
    public void materialize(String name, String query) {
        guarded(() -> {
            store(name, spark.sql(query));
            return null;
        });
    }

    @Override
    public void writeParquet(String relation, Path file) {
        localFiles.write(this, relation, file);
    }

    @Override
    public void loadParquet(String name, Path file, List<Column> schema) {
        localFiles.read(this, name, file, schema);
    }

    @Override
    public long count(String relation) {
        return guarded(() -> spark.table(quoteIdentifier(relation)).count());
    }

    @Override
    public TablePreview preview(String relation, int previewRows) {
        return guarded(() -> {
            Dataset<Row> rows = visible(spark.table(quoteIdentifier(relation)));
            List<List<Object>> shown = rows.takeAsList(Math.max(0, previewRows)).stream().map(SparkValues::row).toList();
            return new TablePreview(relation, columns(rows.schema()), shown, rows.count());
        });
    }

    /** The rows of an unbound result: all of them when the caller asks for all, else the first and the count. */
    private TablePreview shown(Dataset<Row> result, int previewRows) {
        Dataset<Row> rows = visible(result);
        List<Row> taken = previewRows >= Integer.MAX_VALUE / 2 ? rows.collectAsList() : rows.takeAsList(Math.max(0, previewRows));
        long total = taken.size() < previewRows ? taken.size() : rows.count();
        return new TablePreview(null, columns(rows.schema()), taken.stream().map(SparkValues::row).toList(), total);
    }

    @Override
    public List<Column> schema(String relation) {
        return guarded(() -> columns(spark.table(quoteIdentifier(relation)).schema()));
    }

    private static List<Column> columns(StructType schema) {
        List<Column> columns = new ArrayList<>();
        for (StructField field : schema.fields()) {
            if (!field.name().equals(ORDINAL)) {
                columns.add(new Column(field.name(), SparkTypes.logicalName(field.dataType())));
            }
        }
        return columns;
    }

    @Override
    public ArrowReader arrowBatches(String relation, int batchRows) {
        // A stored relation's partitions hold its rows in order, and the iterator reads them in turn.
        return reader(() -> visible(spark.table(quoteIdentifier(relation))), batchRows);
    }

    @Override
    public ArrowReader arrowQuery(String sql, int batchRows) {
        // An operation's query: a row ordinal it selects is one it asked for.
        return reader(() -> spark.sql(sql), batchRows);
    }

    private ArrowReader reader(Supplier<Dataset<Row>> result, int batchRows) {
        if (batchRows < 1) {
            throw new IllegalArgumentException("batches need at least 1 row, got " + batchRows);
        }
        Dataset<Row> rows = guarded(result::get);
        StructType schema = guarded(rows::schema);
        Iterator<Row> iterator = guarded(rows::toLocalIterator);
        return new RowBatchReader(allocator, schema, iterator, batchRows, () -> {
            if (iterator instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // the rows were read, or the reader is abandoned: nothing to keep
                }
            }
        });
    }

    @Override
    public void createTable(String name, Function<BufferAllocator, ArrowReader> rows) {
        List<Dataset<Row>> parts = new ArrayList<>();
        try {
            Dataset<Row> added = uploaded(rows, parts);
            guarded(() -> {
                store(name, added);
                return null;
            });
        } finally {
            parts.forEach(part -> CheckpointRelease.release(spark, part));
        }
    }

    @Override
    public void insertInto(String name, Function<BufferAllocator, ArrowReader> rows) {
        List<Dataset<Row>> parts = new ArrayList<>();
        try {
            Dataset<Row> added = uploaded(rows, parts);
            guarded(() -> {
                store(name, visible(spark.table(quoteIdentifier(name))).unionByName(added));
                return null;
            });
        } finally {
            parts.forEach(part -> CheckpointRelease.release(spark, part));
        }
    }

    /**
     * Rows computed in Java as a Spark relation, sent in parts (each part a local relation of the
     * plan, checkpointed so the plan stays small); the checkpointed parts are added to
     * {@code parts}, to be released once the whole is stored.
     */
    private Dataset<Row> uploaded(Function<BufferAllocator, ArrowReader> rows, List<Dataset<Row>> parts) {
        try (ArrowReader reader = rows.apply(allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            StructType schema = ArrowRows.schema(root.getSchema().getFields());
            Dataset<Row> all = null;
            List<Row> part = new ArrayList<>();
            while (reader.loadNextBatch()) {
                part.addAll(ArrowRows.rows(root));
                if (part.size() >= ROWS_PER_UPLOAD) {
                    List<Row> sent = part;
                    Dataset<Row> kept = guarded(() -> spark.createDataFrame(sent, schema).localCheckpoint());
                    parts.add(kept);
                    all = union(all, kept);
                    part = new ArrayList<>();
                }
            }
            if (!part.isEmpty() || all == null) {
                List<Row> sent = part;
                all = union(all, guarded(() -> spark.createDataFrame(sent, schema)));
            }
            return all;
        } catch (IOException e) {
            throw new SqlException("reading the rows to store failed: " + e.getMessage(), e);
        }
    }

    private static Dataset<Row> union(Dataset<Row> all, Dataset<Row> part) {
        return all == null ? part : all.union(part);
    }

    @Override
    public boolean isView(String relation) {
        return !stored.containsKey(key(relation));
    }

    @Override
    public OptionalLong relationId(String relation) {
        Stored s = stored.get(key(relation));
        if (s != null) {
            return OptionalLong.of(s.id());
        }
        // A view made by the user's SQL: its definition may change with any command.
        return names.contains(relation) ? OptionalLong.of(-1 - names.commands()) : OptionalLong.empty();
    }

    @Override
    public Set<String> relationsRead(String statement) {
        Set<String> names = new LinkedHashSet<>();
        Matcher words = WORD.matcher(statement);
        while (words.find()) {
            names.add(words.group(1) != null ? words.group(1).replace("``", "`") : words.group(2));
        }
        return names;
    }

    @Override
    public List<String> relations() {
        return names.sorted().stream().filter(name -> !name.startsWith(WORK_PREFIX)).toList();
    }

    /** The catalog's own list: the views of this session and the tables of its current database. */
    private List<String> catalogNames() {
        return guarded(() -> spark.sql("SHOW TABLES").collectAsList()).stream().map(row -> row.getString(1)).toList();
    }

    @Override
    public synchronized SqlVocabulary vocabulary() {
        if (vocabulary == null) {
            List<String> keywords = new ArrayList<>();
            Set<String> reserved = new HashSet<>();
            for (Row row : guarded(() -> spark.sql("SELECT keyword, reserved FROM sql_keywords()").collectAsList())) {
                String keyword = row.getString(0).toLowerCase(Locale.ROOT);
                keywords.add(keyword);
                if (row.getBoolean(1)) {
                    reserved.add(keyword);
                }
            }
            List<String> functionNames = new ArrayList<>();
            for (Row row : guarded(() -> spark.sql("SHOW FUNCTIONS").collectAsList())) {
                String function = row.getString(0).toLowerCase(Locale.ROOT);
                if (function.matches("[a-z][a-z0-9_]*")) {
                    functionNames.add(function);
                }
            }
            vocabulary = new SqlVocabulary(List.copyOf(keywords), Set.copyOf(reserved), List.copyOf(functionNames),
                    List.of("range", "explode", "inline", "json_tuple", "stack"));
        }
        return vocabulary;
    }

    @Override
    public void cancel() {
        cancelled = true;
        try {
            spark.interruptAll();
        } catch (RuntimeException e) {
            // a session that cannot be reached runs nothing to stop
        }
    }

    @Override
    public OptionalDouble runningProgress() {
        return OptionalDouble.empty();
    }

    @Override
    public void dropScratch(String name) {
        Stored was = stored.remove(key(name));
        try {
            spark.catalog().dropTempView(name);
        } catch (RuntimeException e) {
            // it goes with the session
        }
        names.dropped(name);
        releaseUnlessNamed(was);
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
        // Temp views have no transactions: every source is resolved before any name moves, and a
        // failure while binding puts back what each name pointed at before.
        Map<String, Dataset<Row>> targets = new LinkedHashMap<>();
        for (Map.Entry<String, String> rename : fromTo.entrySet()) {
            targets.put(rename.getValue(), guarded(() -> resolved(rename.getKey())));
        }
        Set<String> touched = new LinkedHashSet<>(fromTo.values());
        touched.addAll(fromTo.keySet());
        Map<String, Binding> before = new LinkedHashMap<>();
        for (String name : touched) {
            before.put(name, guarded(() -> binding(name)));
        }
        try {
            guarded(() -> {
                targets.forEach((to, rows) -> bind(to, new Stored(rows, nextId.incrementAndGet())));
                fromTo.keySet().stream().filter(from -> !targets.containsKey(from)).forEach(this::unbind);
                return null;
            });
        } catch (RuntimeException e) {
            before.forEach(this::restore);
            throw e;
        }
        // Only now is nothing kept to restore: the rows a name lost and the copies of users' views go.
        before.values().forEach(was -> {
            releaseUnlessNamed(was.stored());
            if (was.userView() != null) {
                CheckpointRelease.release(spark, was.userView());
            }
        });
    }

    /** Gives the server back the rows of {@code was} when no name of this engine's refers to them any more. */
    private void releaseUnlessNamed(Stored was) {
        if (was != null && stored.values().stream().noneMatch(s -> s.rows() == was.rows())) {
            CheckpointRelease.release(spark, was.rows());
        }
    }

    /** What a name points at: a relation of the engine's, a view of the user's, or nothing (both null). */
    private record Binding(Stored stored, Dataset<Row> userView) {
    }

    /** The rows a rename moves: the checkpoint itself, not a view of the old name (no chain of views to break or loop). */
    private Dataset<Row> resolved(String source) {
        Stored was = stored.get(key(source));
        return was != null ? was.rows() : spark.table(quoteIdentifier(source)).localCheckpoint(true);
    }

    private Binding binding(String name) {
        Stored was = stored.get(key(name));
        if (was != null || !names.contains(name)) {
            return new Binding(was, null);
        }
        // A lazy checkpoint keeps the view's present definition without computing it.
        return new Binding(null, spark.table(quoteIdentifier(name)).localCheckpoint(false));
    }

    private void bind(String name, Stored rows) {
        rows.rows().createOrReplaceTempView(quoteIdentifier(name));
        stored.put(key(name), rows);
        names.bound(name);
    }

    private void unbind(String name) {
        spark.catalog().dropTempView(name);
        stored.remove(key(name));
        names.dropped(name);
    }

    private void restore(String name, Binding was) {
        try {
            if (was.stored() != null) {
                bind(name, was.stored());
            } else if (was.userView() != null) {
                was.userView().createOrReplaceTempView(quoteIdentifier(name));
                stored.remove(key(name));
                names.bound(name);
            } else {
                unbind(name);
            }
        } catch (RuntimeException e) {
            // the failure that brought us here is the one to report
        }
    }

    @Override
    public void setMemoryLimit(MemoryLimit limit) {
        // Spark's memory is set where Spark starts (spark/serve --driver-memory, or the cluster's own).
        this.memoryLimit = limit;
    }

    @Override
    public MemoryLimit memoryLimit() {
        return memoryLimit;
    }

    @Override
    public SqlDialect dialect() {
        return DIALECT;
    }

    @Override
    public List<List<Object>> smallResult(String query) {
        // An operation's query: a row ordinal it selects is one it asked for.
        return guarded(() -> spark.sql(query).collectAsList()).stream().map(SparkValues::row).toList();
    }

    @Override
    public void close() {
        for (String name : List.copyOf(stored.keySet())) {
            dropScratch(name);
        }
        allocator.close();
        localFiles.close();
        if (ownsSession) {
            try {
                spark.close();
            } catch (IOException | RuntimeException e) {
                // a session whose server went away is closed already
            }
        }
    }

    /**
     * Keeps the rows of {@code result} as relation {@code name}: numbered in the order the result
     * gives them, checkpointed (computed now, lineage cut) and named as a temporary view.
     */
    private void store(String name, Dataset<Row> result) {
        Dataset<Row> numbered = result.drop(ORDINAL).withColumn(ORDINAL, functions.monotonically_increasing_id());
        Dataset<Row> kept = numbered.localCheckpoint(true);
        Stored was = stored.get(key(name));
        bind(name, new Stored(kept, nextId.incrementAndGet()));
        releaseUnlessNamed(was);
    }

    /** The user's columns: the row ordinal stays inside the engine. */
    private static Dataset<Row> visible(Dataset<Row> rows) {
        return rows.drop(ORDINAL);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Runs work against Spark; its failures become {@link SqlException}s, or a cancel's exception. */
    private <T> T guarded(Supplier<T> work) {
        if (cancelled) {
            throw new QueryCancelledException("the query was cancelled", null);
        }
        try {
            return work.get();
        } catch (Exception e) { // Spark's AnalysisException is a checked exception thrown from Scala
            if (cancelled) {
                throw new QueryCancelledException("the query was cancelled", e);
            }
            if (e instanceof SqlException || e instanceof QueryCancelledException) {
                throw (RuntimeException) e;
            }
            throw new SqlException(message(e), e);
        }
    }

    /** Spark's message without its SQL state and query context, which repeat what the user wrote. */
    static String message(Throwable e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int context = text.indexOf("\n== SQL");
        text = context >= 0 ? text.substring(0, context) : text;
        return text.replaceFirst("\\s*SQLSTATE: \\w+\\s*$", "").strip();
    }

    private static String stripTrailingSemicolons(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    /** Ranks, running sums and next values in one total order, without gathering the rows in one task ({@link SparkRanking}). */
    @Override
    public RankedRows ranked(String query, Ranking ranking) {
        return SparkRanking.of(this, query, ranking);
    }
}
