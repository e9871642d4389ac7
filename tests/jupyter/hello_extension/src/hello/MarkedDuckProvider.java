package hello;

import dev.assay.dsl.engine.DuckDbEngineProvider;
import dev.assay.dsl.engine.EngineProvider;
import dev.assay.dsl.engine.EngineSettings;
import dev.assay.dsl.engine.SqlEngine;

/** {@code hello-duck}: DuckDB holding a table {@code hello_engine}, so a test can tell this engine is the session's. */
public final class MarkedDuckProvider implements EngineProvider {

    @Override
    public String name() {
        return "hello-duck";
    }

    @Override
    public SqlEngine open(EngineSettings settings) {
        SqlEngine engine = new DuckDbEngineProvider().open(settings);
        engine.run("CREATE TABLE hello_engine AS SELECT 'hello-duck' AS engine", null, 0);
        return engine;
    }
}
