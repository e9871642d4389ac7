package dev.assay.dsl.workspace;

import dev.assay.dsl.diff.DatasetDiff;
import dev.assay.dsl.diff.Differ;
import dev.assay.dsl.engine.DuckDbEngineProvider;
import dev.assay.dsl.engine.EngineProvider;
import dev.assay.dsl.engine.EngineRegistry;
import dev.assay.dsl.engine.EngineSettings;
import dev.assay.dsl.engine.MemoryLimit;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.engine.SqlException;
import dev.assay.dsl.engine.StagedTables;
import dev.assay.dsl.engine.TablePreview;
import dev.assay.dsl.load.LoadException;
import dev.assay.dsl.load.LoadPlan;
import dev.assay.dsl.load.Loaded;
import dev.assay.dsl.load.Loader;
import dev.assay.dsl.naming.Suggestions;
import dev.assay.dsl.report.OutputRule;
import dev.assay.dsl.sql.SqlScript;
import dev.assay.dsl.sql.SqlStatement;
import dev.assay.dsl.history.HistoryCollector;
import dev.assay.dsl.history.MetricHistory;
import dev.assay.dsl.history.MetricsKeeper;
import dev.assay.dsl.history.VersionMetrics;
import dev.assay.dsl.store.PinLoader;
import dev.assay.dsl.store.Provenance;
import dev.assay.dsl.store.StoredVersion;
import dev.assay.dsl.store.VersionHistory;
import dev.assay.dsl.store.VersionRef;
import dev.assay.dsl.store.VersionStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One session's data: its SQL engines (see {@link SessionEngines}) and the datasets named in
 * them. Each dataset is a table or view inside one engine, never a copy in the Java heap; a
 * name is unique in the session, whichever engine holds it. New datasets are made in the
 * current engine ({@link #use}); {@link #copy} moves rows between engines.
 */
public final class Workspace implements AutoCloseable {

    /** The name an unnamed SQL result is bound to, as IPython's {@code _} holds the last output. */
    public static final String LAST_RESULT = "_";
    public static final int PREVIEW_ROWS = 20;
    /** The name the Spark engine registers under (its module is separate: Assay does not depend on Spark). */
    public static final String SPARK = "spark";
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final SessionEngines engines;
    private final Path baseDirectory;
    private final Lineage lineage;
    private final SessionLog sessionLog = new SessionLog(new CheckOutcomes(this));
    private VersionStore store;
    /** What {@code freshness} measures from; a test sets a fixed one. */
    private java.time.Clock clock = java.time.Clock.systemUTC();

    /**
     * Relative paths resolve against {@code baseDirectory}; pinned versions are kept in
     * {@code ASSAY_STORE} or {@code .assay/} there (see {@link #useStore}).
     */
    public Workspace(SqlEngine engine, Path baseDirectory) {
        this(withDuckDb(), DuckDbEngineProvider.NAME, engine, baseDirectory);
    }

    /**
     * A workspace whose first engine is {@code engine}, opened as {@code engineName} of
     * {@code registry}; {@code use} opens the registry's others.
     */
    public Workspace(EngineRegistry registry, String engineName, SqlEngine engine, Path baseDirectory) {
        this.engines = new SessionEngines(registry, EngineSettings.fromEnvironment(), engineName, engine);
        this.baseDirectory = baseDirectory.toAbsolutePath();
        this.lineage = new Lineage(this::relationIdentity);
        this.store = VersionStore.locate(System.getenv(), this.baseDirectory);
    }

    /**
     * An in-process DuckDB that spills to a private temporary directory, with the memory limit
     * of {@code ASSAY_MEMORY_LIMIT} or one that leaves the Java heap room (see {@link MemoryLimit}).
     */
    public static Workspace embedded() {
        return on(new DuckDbEngineProvider());
    }

    /** A workspace on a new engine of {@code provider}, with the settings of this process's environment. */
    public static Workspace on(EngineProvider provider) {
        EngineRegistry registry = withDuckDb();
        if (!registry.names().contains(provider.name())) {
            registry.register(provider, "the caller");
        }
        return new Workspace(registry, provider.name(), provider.open(EngineSettings.fromEnvironment()), Path.of(""));
    }

    /**
     * A workspace on a new engine of {@code registry}'s engine {@code name}, with the settings
     * of this process's environment; {@code use} may open the registry's other engines later.
     */
    public static Workspace on(EngineRegistry registry, String name) {
        EngineProvider provider = registry.select(name);
        return new Workspace(registry, provider.name(), provider.open(EngineSettings.fromEnvironment()), Path.of(""));
    }

    /** A registry holding the built-in engine only; {@link #engineRegistry()} takes others. */
    private static EngineRegistry withDuckDb() {
        EngineRegistry registry = new EngineRegistry();
        registry.register(new DuckDbEngineProvider(), "Assay");
        return registry;
    }

    /** The pins and checks made in this session, in order (what a report lists). */
    public SessionLog sessionLog() {
        return sessionLog;
    }

    /** {@code path} as a statement means it: relative to the notebook's directory. */
    public Path resolve(String path) {
        return baseDirectory.resolve(path).normalize();
    }

    /** How far the engine's running query is, in percent; empty when none runs (see {@link SqlEngine#runningProgress}). */
    public OptionalDouble queryProgress() {
        return engines.runningProgress();
    }

    /**
     * Runs a SQL script statement by statement. The rows of the last statement that yields
     * rows become the dataset {@code bindAs} (or {@link #LAST_RESULT}) and are previewed.
     */
    public Optional<TablePreview> sql(String script, String bindAs) {
        if (bindAs != null) {
            checkNewName(bindAs);
        }
        SqlEngine engine = engine();
        List<SqlStatement> statements = SqlScript.split(script);
        // Asked before running: the script may replace a dataset it reads.
        Provenance made = lineage.derived(relationsRead(statements), OperationText.sql(bindAs != null ? bindAs : LAST_RESULT, script));
        String target = bindAs != null ? bindAs : LAST_RESULT;
        Optional<TablePreview> shown = Optional.empty();
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement statement = statements.get(i);
            boolean last = i == statements.size() - 1;
            try {
                Optional<TablePreview> rows = last ? runBinding(engine, statement.text(), target)
                        : engine.run(statement.text(), null, PREVIEW_ROWS);
                if (rows.isPresent()) {
                    shown = rows;
                    if (last && rows.get().name() != null) {
                        lineage.record(rows.get().name(), made);
                    }
                }
            } catch (SqlException e) {
                throw new SqlException((statements.size() > 1 ? "statement at line " + statement.line() + ": " : "")
                        + withHint(e.getMessage(), elsewhere(engine, statement.text())), e);
            }
        }
        if (engines.all().size() > 1) {
            replaceElsewhere(engine, engine.relations()); // the script may have made tables itself (CREATE TABLE)
        }
        return shown;
    }

    /** The hint at the end of the message's first line, which is what a notebook shows of an error first. */
    private static String withHint(String message, String hint) {
        int end = message.indexOf('\n');
        return end < 0 ? message + hint : message.substring(0, end) + hint + message.substring(end);
    }

    /**
     * When a failed statement reads datasets of another engine: where they are and the way out,
     * since SQL runs on the current engine only. Empty otherwise.
     */
    private String elsewhere(SqlEngine engine, String statement) {
        if (engines.all().size() < 2) {
            return "";
        }
        Set<String> read;
        try {
            read = engine.relationsRead(statement);
        } catch (RuntimeException e) {
            return ""; // a statement the engine cannot even parse reads nothing we could name
        }
        Set<String> mine = new LinkedHashSet<>(engine.relations());
        List<String> hints = new ArrayList<>();
        for (String name : read) {
            if (mine.stream().noneMatch(name::equalsIgnoreCase)) {
                datasetEngine(name).ifPresent(other -> hints.add("'" + name + "' is a dataset on " + other.name()
                        + " (copy " + name + " to " + engines.current().name() + ")"));
            }
        }
        return hints.isEmpty() ? "" : "; SQL runs on the current engine, " + engines.current().name() + ": "
                + String.join(", ", hints);
    }

    /** Runs a statement whose rows become dataset {@code target}, built aside and swapped in only once complete. */
    private Optional<TablePreview> runBinding(SqlEngine engine, String statement, String target) {
        try (StagedTables staged = StagedTables.of(engine, target)) {
            String aside = staged.aside(target);
            Optional<TablePreview> rows = engine.run(statement, aside, PREVIEW_ROWS);
            if (rows.isEmpty() || !aside.equals(rows.get().name())) {
                return rows; // no rows, or rows that are shown only (EXPLAIN, PRAGMA)
            }
            staged.commit();
            replaceElsewhere(engine, List.of(target));
            TablePreview built = rows.get();
            return Optional.of(new TablePreview(target, built.columns(), built.rows(), built.totalRows()));
        }
    }

    /** The datasets a script reads, as the engine can tell (each once, by its own name). */
    private List<String> relationsRead(List<SqlStatement> statements) {
        Set<String> named = new LinkedHashSet<>();
        for (SqlStatement statement : statements) {
            named.addAll(engine().relationsRead(statement.text()));
        }
        if (named.isEmpty()) {
            return List.of(); // SELECT 42 and the like: no need to list the catalog
        }
        List<String> known = datasets();
        Set<String> read = new LinkedHashSet<>();
        for (String name : named) {
            known.stream().filter(k -> k.equalsIgnoreCase(name)).findFirst().ifPresent(read::add);
        }
        return List.copyOf(read);
    }

    /** Every dataset of the session, those of the first engine first. */
    public List<String> datasets() {
        List<SessionEngines.Opened> open = engines.all();
        if (open.size() == 1) {
            return open.get(0).engine().relations();
        }
        List<String> all = new ArrayList<>();
        open.forEach(e -> all.addAll(e.engine().relations()));
        return all;
    }

    /** The engine holding dataset {@code name}; empty when none does. */
    public Optional<SessionEngines.Opened> datasetEngine(String name) {
        for (SessionEngines.Opened e : engines.all()) {
            if (e.engine().relations().contains(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The engine a dataset's operations run on: the one holding it (the current one if none does, which then says so). */
    SqlEngine engineOf(String name) {
        List<SessionEngines.Opened> open = engines.all();
        return open.size() == 1 ? open.get(0).engine()
                : datasetEngine(name).map(SessionEngines.Opened::engine).orElseGet(this::engine);
    }

    /**
     * Refuses a statement over datasets of two engines (leakage, drift, diff, a report against
     * another dataset): one engine cannot read another's tables.
     */
    public void requireSameEngine(String first, String second) {
        if (engines.all().size() < 2) {
            return;
        }
        Optional<SessionEngines.Opened> a = datasetEngine(first);
        Optional<SessionEngines.Opened> b = datasetEngine(second);
        if (a.isPresent() && b.isPresent() && a.get() != b.get()) {
            throw new IllegalArgumentException("'" + first + "' is on " + a.get().name() + " and '" + second + "' on "
                    + b.get().name() + ": copy one to the other first (copy " + second + " to " + a.get().name() + ")");
        }
    }

    /**
     * After {@code names} were bound on {@code made}: a dataset of the same name on another
     * engine is dropped, since a name is unique in the session. Run only once the new one is
     * committed, so a failed statement keeps the old one.
     */
    private void replaceElsewhere(SqlEngine made, List<String> names) {
        if (engines.all().size() < 2) {
            return;
        }
        for (SessionEngines.Opened other : engines.all()) {
            if (other.engine() == made) {
                continue;
            }
            for (String relation : other.engine().relations()) {
                if (names.stream().anyMatch(relation::equalsIgnoreCase)) {
                    String kind = other.engine().isView(relation) ? "VIEW" : "TABLE";
                    other.engine().run("DROP " + kind + " IF EXISTS " + other.engine().quoteIdentifier(relation), null, 0);
                }
            }
        }
    }

    /** {@link #replaceElsewhere} for what an operation of a dataset made on {@code made}. */
    void bound(SqlEngine made, List<String> names) {
        replaceElsewhere(made, names);
    }

    /** The identity lineage keeps of a dataset: its engine's and the engine's id of its relation. */
    private Optional<Lineage.Identity> relationIdentity(String name) {
        List<SessionEngines.Opened> open = engines.all();
        Optional<SessionEngines.Opened> holder = open.size() == 1 ? Optional.of(open.get(0)) : datasetEngine(name);
        return holder.flatMap(e -> {
            OptionalLong id = e.engine().relationId(name);
            return id.isPresent() ? Optional.of(new Lineage.Identity(e.engine(), id.getAsLong())) : Optional.empty();
        });
    }

    /** The dataset of that name; an unknown name is refused with the closest known one. */
    public Dataset dataset(String name) {
        List<String> known = datasets();
        if (!known.contains(name)) {
            throw new IllegalArgumentException("no dataset '" + name + "'" + Suggestions.didYouMean(name, known)
                    + (known.isEmpty() ? " (the workspace has none yet)" : ""));
        }
        return new Dataset(this, name);
    }

    /** Loads a file (csv, tsv, parquet, json, ndjson; globs) as a dataset named after the file. */
    public Dataset load(String path) {
        return load(path, nameFor(path), Map.of()).dataset();
    }

    /**
     * Loads a file as the dataset {@code name}. Relative paths resolve against the working
     * directory (a notebook's folder when it runs). Options are checked by name and type.
     */
    public Loaded load(String path, String name, Map<String, Object> options) {
        checkNewName(name);
        SqlEngine engine = engine();
        Loader loader = new Loader(engine, baseDirectory);
        LoadPlan plan = loader.plan(path, options);
        long rows;
        long rejected = 0;
        List<String> warnings;
        try (StagedTables staged = StagedTables.of(engine, name)) {
            String aside = staged.aside(name);
            try {
                engine.run("SELECT * FROM " + plan.tableFunction(), aside, 0);
            } catch (SqlException e) {
                throw loader.explain(plan, e);
            }
            int width = engine.schema(aside).size();
            if (!plan.collectRejects()) {
                Optional<LoadException> misread = loader.verify(plan, width, !Boolean.FALSE.equals(options.get("header")));
                if (misread.isPresent()) {
                    throw misread.get();
                }
            }
            rows = engine.count(aside);
            warnings = loader.warnings(plan, width);
            if (plan.collectRejects()) {
                rejected = ((Number) engine.run("SELECT count(*) FROM " + engine.quoteIdentifier(LoadPlan.REJECTS_TABLE),
                        null, 1).orElseThrow().rows().get(0).get(0)).longValue();
            }
            staged.commit();
        } finally {
            if (plan.collectRejects()) {
                dropRejects(engine);
            }
        }
        replaceElsewhere(engine, List.of(name));
        lineage.record(name, Provenance.made(OperationText.load(name, path, options)));
        return new Loaded(new Dataset(this, name), path, plan.format(), rows, rejected, warnings);
    }

    /** The tables DuckDB keeps rejected rows in are not datasets: dropped however the load ends. */
    private static void dropRejects(SqlEngine engine) {
        for (String table : List.of(LoadPlan.REJECTS_TABLE, LoadPlan.REJECTS_SCAN)) {
            try {
                engine.run("DROP TABLE IF EXISTS " + engine.quoteIdentifier(table), null, 0);
            } catch (RuntimeException e) {
                // a cancelled session refuses statements until the next cell; the next load replaces them
            }
        }
    }

    /**
     * Loads a pinned version ({@code 'label@3'}, or {@code 'label'} for the latest) as dataset
     * {@code name}, after checking the snapshot against its fingerprint; on any failure the
     * dataset {@code name} keeps what it held.
     */
    public LoadedPin loadPin(String version, String name) {
        checkNewName(name);
        SqlEngine engine = engine();
        StoredVersion loaded = new PinLoader(engine, store).load(VersionRef.parse(version), name);
        replaceElsewhere(engine, List.of(name));
        lineage.record(name, Provenance.pinned(loaded.asParent()));
        return new LoadedPin(new Dataset(this, name), loaded);
    }

    /**
     * The metrics (profile statistics) of a pinned version: those kept with it, or computed once
     * from its snapshot on this session's engine and kept (a version pinned before metrics were kept).
     */
    public VersionMetrics metrics(StoredVersion version) {
        return new MetricsKeeper(engine(), store).of(version);
    }

    /** The versions of a label, oldest first, with the lineage of the latest. */
    public VersionHistory versions(String label) {
        return store.history(label);
    }

    /** The metrics of every version of a label, oldest first, with each version's drift from the one before. */
    public MetricHistory history(String label) {
        return history(label, List.of());
    }

    /**
     * {@link #history(String)} of {@code columns} only (empty: every column); a column no
     * version has is refused with the closest one, one only some versions have is null in the others.
     */
    public MetricHistory history(String label, List<String> columns) {
        List<StoredVersion> versions = store.versions(label);
        if (versions.isEmpty()) {
            store.resolve(new VersionRef(label, null)); // fails, naming the labels there are
        }
        return historyOf(label, versions, columns);
    }

    /** The history of {@code version}'s label up to and including it (a report's history section). */
    MetricHistory historyUpTo(StoredVersion version) {
        return historyOf(version.label(), store.versions(version.label()).subList(0, version.version()), List.of());
    }

    private MetricHistory historyOf(String label, List<StoredVersion> versions, List<String> columns) {
        return new HistoryCollector(engine(), store, this::metrics).collect(label, versions, columns);
    }

    /**
     * How pinned version {@code to} differs from {@code from} (each {@code 'label@N'} or
     * {@code 'label'}): schema, rows only on one side, and with key columns, changed rows.
     */
    public DatasetDiff diff(String from, String to, String... keys) {
        return diff(DiffSide.version(from), DiffSide.version(to), List.of(keys));
    }

    /** A diff of two sides, each a pinned version or a dataset of this workspace. */
    public DatasetDiff diff(DiffSide from, DiffSide to, List<String> keys) {
        if (!from.pinned() && !to.pinned()) {
            requireSameEngine(from.text(), to.text());
        }
        // A pinned side is loaded where the dataset side is, so that one engine reads both.
        SqlEngine engine = !from.pinned() ? engineOf(from.text()) : !to.pinned() ? engineOf(to.text()) : engine();
        try (DiffSide.Opened a = from.open(this, engine); DiffSide.Opened b = to.open(this, engine)) {
            return new Differ(engine).diff(a.relation(), a.title(), b.relation(), b.title(), keys);
        }
    }

    /** Where statements may write the files they are told to write (see {@link OutputRule}). */
    public OutputRule outputRule() {
        return new OutputRule(baseDirectory, store.root());
    }

    /** The clock {@code freshness} rules measure from. */
    public java.time.Clock clock() {
        return clock;
    }

    /** Measures {@code freshness} from {@code clock} from now on (a fixed clock makes a notebook's verdict repeatable). */
    public void useClock(java.time.Clock clock) {
        this.clock = java.util.Objects.requireNonNull(clock);
    }

    /** Where pinned versions are kept. */
    public VersionStore store() {
        return store;
    }

    /** Keeps pinned versions in {@code directory} (relative to the working directory) from now on. */
    public void useStore(String directory) {
        store = new VersionStore(baseDirectory.resolve(directory));
    }

    Lineage lineage() {
        return lineage;
    }

    /** A dataset name from a file name: {@code data/2024-reviews.csv} gives {@code _2024_reviews}. */
    static String nameFor(String path) {
        String file = Path.of(path).getFileName().toString().replaceFirst("\\..*$", "");
        String name = file.replaceAll("[^A-Za-z0-9_]", "_");
        return name.isEmpty() || Character.isDigit(name.charAt(0)) ? "_" + name : name;
    }

    /** Runs SQL and keeps the rows of its last statement as the dataset {@code name}. */
    public Dataset query(String sql, String name) {
        checkNewName(name);
        TablePreview rows = sql(sql, name).orElseThrow(() -> new IllegalArgumentException(
                "the SQL for '" + name + "' ends with a statement that returns no rows"));
        if (!name.equals(rows.name())) {
            throw new IllegalArgumentException("the rows of that statement cannot be kept as a dataset "
                    + "(EXPLAIN, PRAGMA and CALL results are shown only)");
        }
        return new Dataset(this, name);
    }

    /** Sets how much memory the engine may use before spilling, as {@code "4GB"} or {@code "512MB"}. */
    public void memoryLimit(String size) {
        engine().setMemoryLimit(MemoryLimit.parse(size));
    }

    public MemoryLimit memoryLimit() {
        return engine().memoryLimit();
    }

    /** The current engine, where new datasets are made; a dataset's own operations run on the engine holding it. */
    public SqlEngine engine() {
        return engines.current().engine();
    }

    /** The engines of this session and which one is current. */
    public SessionEngines engines() {
        return engines;
    }

    /** The engines {@link #use} may name; register another one here to use it without the kernel. */
    public EngineRegistry engineRegistry() {
        return engines.registry();
    }

    /**
     * Makes engine {@code engine} current, where new datasets are made from now on, opening it at
     * {@code location} (null: the engine's default) on first use. A second {@code use} of the
     * same engine and location (or none) reuses it; another location replaces it, and the
     * datasets of the replaced engine go with it. A failed open leaves the current engine as it was.
     */
    public EngineUse use(String engine, String location) {
        requireSparkPresent(engine);
        SessionEngines.Used used = engines.use(engine, location);
        return new EngineUse(used.engine().name(), used.engine().location(), used.opened());
    }

    /** {@code use duckdb}: new datasets are made in the session's DuckDB again. */
    public EngineUse useDuckDb() {
        return use(DuckDbEngineProvider.NAME, null);
    }

    /** {@code use spark 'LOCATION'}: a Spark Connect URL ({@code sc://host:15002}) or a classic master ({@code local[2]}). */
    public EngineUse useSpark(String location) {
        return use(SPARK, location);
    }

    /**
     * New datasets are made in a {@code SparkSession} the caller made already (typed
     * {@code Object}, so that Assay does not depend on Spark); needs the Spark engine's jar.
     */
    public EngineUse useSpark(Object session) {
        if (session instanceof String location) {
            return useSpark(location);
        }
        requireSparkPresent(SPARK);
        SessionEngines.Used used = engines.wrap(SPARK, session);
        return new EngineUse(used.engine().name(), used.engine().location(), used.opened());
    }

    /**
     * Copies dataset {@code name} to engine {@code engine} under the same name, which moves it:
     * a name is unique in the session (see {@link #copy(String, String, String, String)}).
     */
    public Copied copy(String name, String engine) {
        return copy(name, engine, null, null);
    }

    /**
     * Copies dataset {@code name} to engine {@code engine} (opened already by {@link #use}) as
     * {@code target} (null: the same name, which moves the dataset), as Arrow batches, or with
     * {@code viaDirectory} through Parquet files in a directory both engines reach. The copy is
     * built aside: a failed copy leaves the datasets of both engines as they were.
     */
    public Copied copy(String name, String engine, String target, String viaDirectory) {
        dataset(name);
        String to = target != null ? target : name;
        checkNewName(to);
        SessionEngines.Opened from = datasetEngine(name).orElseThrow();
        SessionEngines.Opened into = openEngine(engine);
        Provenance made = lineage.derived(List.of(name), OperationText.copy(name, into.name(), target, viaDirectory));
        Copied copied = new DatasetCopy(from, into, this::resolveShared).copy(name, to, viaDirectory);
        replaceElsewhere(into.engine(), List.of(to));
        lineage.record(to, made);
        return copied;
    }

    /** Spark is a module of its own: when it is asked for and absent, say how to add it rather than only "unknown". */
    private void requireSparkPresent(String engine) {
        List<String> known = engines.registry().names();
        if (SPARK.equalsIgnoreCase(engine.strip()) && !known.contains(SPARK)) {
            throw new IllegalArgumentException("engine spark is not on the class path: install the kernel with "
                    + "'install --with-spark' (or 'run --with-spark'), or add spark/target/assay-spark.jar with "
                    + "%classpath add; known engines: " + String.join(", ", known));
        }
    }

    /** The open engine {@code name}; one not opened yet is refused, saying how to open it. */
    private SessionEngines.Opened openEngine(String name) {
        String selected = engines.registry().select(name).name();
        return engines.named(selected).orElseThrow(() -> new IllegalArgumentException("engine " + selected
                + " is not open in this session: use " + selected + " first (use " + selected
                + (selected.equals(SPARK) ? " 'sc://host:15002'" : "") + ")"));
    }

    /** A directory both engines reach: a URL ({@code s3a://...}) as written, a local path against the notebook's folder. */
    private String resolveShared(String directory) {
        return directory.matches("[A-Za-z][A-Za-z0-9+.-]*://.*") ? directory : resolve(directory).toString();
    }

    /** Stops whatever query runs now on any engine, and any later one until {@link #resetCancel()}; safe from any thread. */
    public void cancel() {
        engines.cancel();
    }

    public void resetCancel() {
        engines.resetCancel();
    }

    /** Closes every engine of the session. */
    @Override
    public void close() {
        engines.close();
    }

    /**
     * Checks names about to be bound to datasets: each a valid name (see {@link #checkName}),
     * none spelling an existing dataset's name in another case, and no two of them one name in
     * two cases. Inside the engine datasets are SQL tables, whose names DuckDB compares without
     * case: {@code TRAIN} would silently replace {@code train}. Binding the same spelling again
     * replaces the dataset, as it always did.
     */
    public void checkNewNames(List<String> names) {
        List<String> existing = datasets();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            checkName(name);
            for (String other : names.subList(0, i)) {
                if (other.equalsIgnoreCase(name) && !other.equals(name)) { // the same name twice: the plan says so
                    throw new IllegalArgumentException("'" + other + "' and '" + name + "' are one dataset name: "
                            + "names that differ only in case are the same table in SQL");
                }
            }
            for (String other : existing) {
                if (other.equalsIgnoreCase(name) && !other.equals(name)) {
                    throw new IllegalArgumentException("cannot name a dataset '" + name + "': dataset '" + other
                            + "' exists, and names that differ only in case are the same table in SQL; write '"
                            + other + "' to replace it, or choose another name");
                }
            }
        }
    }

    /** {@link #checkNewNames} of one name. */
    public void checkNewName(String name) {
        checkNewNames(List.of(name));
    }

    /** Dataset names are identifiers: they appear in SQL (quoted) and in the language. */
    public static void checkName(String name) {
        if (name.startsWith(SqlEngine.WORK_PREFIX)) {
            throw new IllegalArgumentException("'" + name + "' is not a dataset name: names starting with "
                    + SqlEngine.WORK_PREFIX + " are kept for Assay's scratch tables");
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a dataset name: use letters, digits and _, "
                    + "not starting with a digit");
        }
    }
}
