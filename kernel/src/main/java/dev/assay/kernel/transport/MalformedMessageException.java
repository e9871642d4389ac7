package dev.assay.kernel.transport;

/** A multipart message that is not a valid, correctly signed Jupyter message. */
public final class MalformedMessageException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedMessageException(String message) {
        super(message);
    }
}
