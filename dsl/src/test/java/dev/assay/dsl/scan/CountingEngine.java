package dev.assay.dsl.scan;

import dev.assay.dsl.engine.SqlEngine;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An engine that counts the statements that read rows (scans) passed through it to a real one:
 * what an operation costs in passes over the data, independent of how fast this machine is.
 * Catalog lookups (schema, relation ids) are not counted.
 */
final class CountingEngine {

    private static final Set<String> ONE_STATEMENT = Set.of("run", "materialize", "smallResult", "count", "preview", "arrowBatches",
            "arrowQuery", "createTable", "insertInto");

    private final AtomicInteger statements = new AtomicInteger();
    private final AtomicInteger schemaReads = new AtomicInteger();
    private final SqlEngine engine;

    CountingEngine(SqlEngine real) {
        this.engine = (SqlEngine) Proxy.newProxyInstance(SqlEngine.class.getClassLoader(), new Class<?>[] {SqlEngine.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("schema")) {
                        schemaReads.incrementAndGet();
                    }
                    if (ONE_STATEMENT.contains(method.getName())) {
                        statements.incrementAndGet();
                    } else if (method.getName().equals("smallResults")) {
                        statements.addAndGet(((List<?>) args[0]).size());
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    SqlEngine engine() {
        return engine;
    }

    /** Schema lookups since the last call (not statements, but one per rule made wide checks slow). */
    int takeSchemaReads() {
        return schemaReads.getAndSet(0);
    }

    /** Statements since the last call. */
    int take() {
        return statements.getAndSet(0);
    }
}
