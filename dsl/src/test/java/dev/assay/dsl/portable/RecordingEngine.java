package dev.assay.dsl.portable;

import dev.assay.dsl.engine.SqlDialect;
import dev.assay.dsl.engine.SqlEngine;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A real engine seen through a dialect whose every expression is wrapped in marker comments
 * (the engine ignores comments, so the statements still run and give their results), recording
 * each statement operations send. What lies outside the markers is SQL the operation wrote
 * itself, which must then be SQL that every engine reads alike: see {@link PortableSql}.
 */
final class RecordingEngine {

    static final String OPEN = "/*<*/";
    static final String CLOSE = "/*>*/";

    /** Methods whose first argument is SQL text the engine runs. */
    private static final Set<String> STATEMENTS = Set.of("run", "smallResult", "arrowQuery");

    private final List<String> statements = new ArrayList<>();
    private final SqlEngine engine;

    RecordingEngine(SqlEngine real) {
        SqlDialect dialect = marking(real.dialect());
        this.engine = (SqlEngine) Proxy.newProxyInstance(SqlEngine.class.getClassLoader(), new Class<?>[] {SqlEngine.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.equals("dialect")) {
                        return dialect;
                    }
                    if (name.equals("quoteIdentifier")) {
                        return dialect.quoteIdentifier((String) args[0]);
                    }
                    if (name.equals("quoteLiteral")) {
                        return dialect.quoteLiteral((String) args[0]);
                    }
                    synchronized (statements) {
                        if (STATEMENTS.contains(name)) {
                            statements.add((String) args[0]);
                        } else if (name.equals("materialize")) {
                            statements.add((String) args[1]);
                        } else if (name.equals("smallResults")) {
                            ((List<?>) args[0]).forEach(q -> statements.add((String) q));
                        }
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static SqlDialect marking(SqlDialect real) {
        return (SqlDialect) Proxy.newProxyInstance(SqlDialect.class.getClassLoader(), new Class<?>[] {SqlDialect.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    return result instanceof String s ? OPEN + s + CLOSE : result;
                });
    }

    SqlEngine engine() {
        return engine;
    }

    /** The statements since the last call. */
    List<String> take() {
        synchronized (statements) {
            List<String> taken = new ArrayList<>(statements);
            statements.clear();
            return taken;
        }
    }
}
