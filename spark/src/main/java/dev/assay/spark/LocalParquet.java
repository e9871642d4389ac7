package dev.assay.spark;

import dev.assay.dsl.engine.ArrowHandOver;
import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.DuckDbEngineProvider;
import dev.assay.dsl.engine.EngineSettings;
import dev.assay.dsl.engine.SqlEngine;
import java.nio.file.Path;
import java.util.List;

/**
 * Parquet files on the kernel's machine (the version store's snapshots) for a Spark engine,
 * whose server may see another file system: rows travel as Arrow batches between Spark and an
 * embedded DuckDB of this process, which reads and writes the files exactly as the DuckDB
 * engine does, so a snapshot has one format whichever engine pinned it.
 */
final class LocalParquet implements AutoCloseable {

    private static final int BATCH_ROWS = 65_536;
    private static final String ROWS = SqlEngine.WORK_PREFIX + "local_parquet";

    private final EngineSettings settings;
    private SqlEngine duck;

    LocalParquet(EngineSettings settings) {
        this.settings = settings;
    }

    /** Writes {@code relation} of {@code spark} to {@code file}. */
    synchronized void write(SqlEngine spark, String relation, Path file) {
        SqlEngine local = duck();
        try {
            local.createTable(ROWS, allocator -> ArrowHandOver.of(spark.arrowBatches(relation, BATCH_ROWS), allocator));
            local.writeParquet(ROWS, file);
        } finally {
            local.dropScratch(ROWS);
        }
    }

    /** Makes table {@code name} of {@code spark} from {@code file}, cast to {@code schema} as DuckDB casts it. */
    synchronized void read(SqlEngine spark, String name, Path file, List<Column> schema) {
        SqlEngine local = duck();
        try {
            local.loadParquet(ROWS, file, schema);
            spark.createTable(name, allocator -> local.arrowBatches(ROWS, BATCH_ROWS));
        } finally {
            local.dropScratch(ROWS);
        }
    }

    private SqlEngine duck() {
        if (duck == null) {
            duck = new DuckDbEngineProvider().open(settings);
        }
        return duck;
    }

    @Override
    public synchronized void close() {
        if (duck != null) {
            duck.close();
        }
    }
}
