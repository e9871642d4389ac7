package dev.assay.dsl.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The built-in engine: DuckDB in this process, spilling to a private temporary directory. */
public final class DuckDbEngineProvider implements EngineProvider {

    public static final String NAME = "duckdb";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SqlEngine open(EngineSettings settings) {
        if (settings.location() != null) {
            throw new IllegalArgumentException("duckdb runs inside this process and takes no location (got '"
                    + settings.location() + "'): write use duckdb");
        }
        try {
            return new DuckDbEngine(Files.createTempDirectory("assay-spill-"), settings.memoryLimit());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a spill directory: " + e.getMessage(), e);
        }
    }
}
