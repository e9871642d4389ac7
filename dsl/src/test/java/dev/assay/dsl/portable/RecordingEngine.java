package dev.assay.dsl.portable;

import dev.assay.dsl.engine.SqlDialect;
import dev.assay.dsl.engine.SqlEngine;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A {@link SqlEngine} that runs everything on another engine and records the SQL operations
 * hand it, with every piece its dialect spelt marked by SQL comments, so that
 * {@link #operationText} can tell the SQL an operation wrote itself from the pieces it asked
 * the dialect for. The marks are SQL comments: the statements still run, unchanged in meaning.
 */
final class RecordingEngine {

    static final String OPEN = "/*<*/";
    static final String CLOSE = "/*>*/";
    private static final Pattern INNERMOST = Pattern.compile(Pattern.quote(OPEN) + "((?!" + Pattern.quote(OPEN) + ").)*?"
            + Pattern.quote(CLOSE), Pattern.DOTALL);

    /** Methods whose first String argument (materialize: second) is SQL to run. */
    private static final Set<String> RUNNING = Set.of("run", "smallResult", "arrowQuery", "relationsRead");

    private final List<String> statements = new ArrayList<>();
    private final SqlEngine engine;

    RecordingEngine(SqlEngine delegate) {
        SqlDialect marking = (SqlDialect) Proxy.newProxyInstance(SqlDialect.class.getClassLoader(),
                new Class<?>[] {SqlDialect.class}, (proxy, method, args) ->
                        OPEN + call(method, delegate.dialect(), args) + CLOSE);
        this.engine = (SqlEngine) Proxy.newProxyInstance(SqlEngine.class.getClassLoader(),
                new Class<?>[] {SqlEngine.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "dialect":
                            return marking;
                        case "quoteIdentifier":
                        case "quoteLiteral":
                            return call(SqlDialect.class.getMethod(method.getName(), String.class), marking, args);
                        case "materialize":
                            statements.add((String) args[1]);
                            break;
                        case "smallResults":
                            for (Object query : (List<?>) args[0]) {
                                statements.add((String) query);
                            }
                            break;
                        default:
                            if (RUNNING.contains(method.getName())) {
                                statements.add((String) args[0]);
                            }
                    }
                    return call(method, delegate, args);
                });
    }

    private static Object call(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    SqlEngine engine() {
        return engine;
    }

    /** Every statement recorded so far, as run (dialect pieces marked). */
    List<String> statements() {
        return List.copyOf(statements);
    }

    /** A statement without the pieces the dialect spelt: only what the operation wrote itself. */
    static String operationText(String statement) {
        String text = statement;
        while (true) {
            String stripped = INNERMOST.matcher(text).replaceAll(" D ");
            if (stripped.equals(text)) {
                return stripped;
            }
            text = stripped;
        }
    }
}
