package dev.assay.dsl.lang;

import dev.assay.dsl.workspace.Workspace;
import java.util.Locale;

/**
 * Runs parsed statements against a workspace and returns what each shows. Statements whose
 * operation is not built yet say so by name instead of doing something approximate.
 */
public final class Interpreter {

    private final Workspace workspace;

    public Interpreter(Workspace workspace) {
        this.workspace = workspace;
    }

    /** The statement's result: a value the renderer registry knows how to show. */
    public Object run(Statement statement) {
        // Java 17: no pattern matching in switch yet.
        if (statement instanceof Statement.Load load && !load.pin()) {
            return workspace.load(load.path(), load.target(), load.options());
        }
        if (statement instanceof Statement.Show show) {
            return workspace.dataset(show.dataset()).show(show.limit() != null ? show.limit() : Workspace.PREVIEW_ROWS);
        }
        if (statement instanceof Statement.Profile profile) {
            return workspace.dataset(profile.dataset()).profile(profile.columns());
        }
        throw new NotYetAvailableException(statement.position() + ": '" + keyword(statement)
                + "' is part of the language but not yet available in this version of Assay");
    }

    static String keyword(Statement statement) {
        if (statement instanceof Statement.Load load && load.pin()) {
            return "load pin";
        }
        return statement.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    /** A statement that parses but whose operation arrives in a later version. */
    public static final class NotYetAvailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotYetAvailableException(String message) {
            super(message);
        }
    }
}
