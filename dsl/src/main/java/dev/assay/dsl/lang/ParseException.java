package dev.assay.dsl.lang;

/** A statement that does not parse: where, what was expected, what was found, and a likely fix. */
public final class ParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Position position;
    private final String detail;

    public ParseException(Position position, String message) {
        super(position + ": " + message);
        this.position = position;
        this.detail = message;
    }

    /** The message without its position, for callers that place it themselves. */
    public String detail() {
        return detail;
    }

    public Position position() {
        return position;
    }
}
