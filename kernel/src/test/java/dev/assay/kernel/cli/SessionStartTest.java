package dev.assay.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.engine.EngineProvider;
import dev.assay.dsl.engine.EngineRegistry;
import dev.assay.dsl.engine.EngineSettings;
import dev.assay.dsl.engine.SqlEngine;
import java.lang.reflect.InaccessibleObjectException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SessionStartTest {

    /** An engine whose opening fails as {@code failure} says. */
    private static EngineProvider failing(Supplier<RuntimeException> failure) {
        return new EngineProvider() {
            @Override
            public String name() {
                return "remote";
            }

            @Override
            public SqlEngine open(EngineSettings settings) {
                throw failure.get();
            }
        };
    }

    @Test
    void anEngineThatCannotOpenIsNamedWithItsReasonAndTheCause() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> opened(
                failing(() -> new IllegalStateException("UNAVAILABLE", new RuntimeException("Connection refused")))));
        assertTrue(e.getMessage().startsWith("cannot open engine remote: UNAVAILABLE"), e.getMessage());
        assertTrue(e.getMessage().contains("Connection refused"), e.getMessage());
        assertFalse(e.getMessage().contains("--with-spark"), e.getMessage());
    }

    @Test
    void anEngineFailingForWantOfSparksFlagsSaysWhichAndHowToGetThem() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> opened(
                failing(() -> new RuntimeException("session", new InaccessibleObjectException(
                        "Unable to make field accessible: module java.base does not \"opens sun.nio.ch\"")))));
        assertTrue(e.getMessage().startsWith("cannot open engine remote: Spark's client needs JVM flags"), e.getMessage());
        assertTrue(e.getMessage().contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"), e.getMessage());
        assertTrue(e.getMessage().contains("install --with-spark"), e.getMessage());
    }

    /** The workspace of a session whose registry holds {@code provider}, started on it. */
    private static void opened(EngineProvider provider) {
        EngineRegistry engines = new EngineRegistry();
        engines.register(provider, "the test");
        SessionStart.workspace(engines, provider);
    }
}
