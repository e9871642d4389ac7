package dev.assay.dsl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Engines by name: selection from the option or the environment, and the errors. */
class EngineRegistryTest {

    private static EngineProvider named(String name) {
        return new EngineProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public SqlEngine open(EngineSettings settings) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void anEngineIsSelectedByNameInAnyCase() {
        EngineRegistry engines = new EngineRegistry();
        DuckDbEngineProvider duck = new DuckDbEngineProvider();
        engines.register(duck, "built in");
        EngineProvider spark = named("spark");
        engines.register(spark, "the Spark extension");
        assertSame(duck, engines.select("duckdb"));
        assertSame(spark, engines.select("Spark"));
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        EngineRegistry engines = new EngineRegistry();
        engines.register(new DuckDbEngineProvider(), "built in");
        engines.register(named("spark"), "the Spark extension");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> engines.select("sprak"));
        assertEquals("unknown engine 'sprak'; known engines: duckdb, spark; did you mean 'spark'?", e.getMessage());
    }

    @Test
    void aTakenNameIsRefusedNamingBoth() {
        EngineRegistry engines = new EngineRegistry();
        engines.register(new DuckDbEngineProvider(), "Assay (built in)");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> engines.register(named("duckdb"), "my extension"));
        assertEquals("engine 'duckdb' of my extension is registered already by Assay (built in)", e.getMessage());
    }

    @Test
    void theOptionWinsOverTheEnvironmentWhichWinsOverDuckDb() {
        assertEquals("spark", EngineRegistry.selectedName("spark", Map.of("ASSAY_ENGINE", "other")));
        assertEquals("other", EngineRegistry.selectedName(null, Map.of("ASSAY_ENGINE", "other")));
        assertEquals("duckdb", EngineRegistry.selectedName(null, Map.of()));
    }

    @Test
    void theBuiltInProviderOpensAWorkingDuckDb() {
        try (SqlEngine engine = new DuckDbEngineProvider().open(EngineSettings.fromEnvironment())) {
            assertEquals(2L, ((Number) engine.run("SELECT 1 + 1 AS x", null, 1).orElseThrow().rows().get(0).get(0)).longValue());
        }
    }
}
