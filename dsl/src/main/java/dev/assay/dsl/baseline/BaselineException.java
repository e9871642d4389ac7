package dev.assay.dsl.baseline;

/** The baseline itself cannot be used (an unknown label): reported where the label is written, not at a rule. */
public final class BaselineException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public BaselineException(String message) {
        super(message);
    }
}
