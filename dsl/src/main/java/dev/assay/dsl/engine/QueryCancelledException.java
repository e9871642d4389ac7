package dev.assay.dsl.engine;

/** A statement stopped by {@link SqlEngine#cancel()}. */
public final class QueryCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QueryCancelledException(String message, Throwable cause) {
        super(message, cause);
    }
}
