package dev.assay.dsl.engine;

/** A statement the engine refused or failed to run, with the engine's own explanation. */
public final class SqlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SqlException(String message, Throwable cause) {
        super(message, cause);
    }
}
