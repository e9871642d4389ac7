package dev.assay.kernel.notebook;

/** A notebook file that cannot be read or is not an nbformat 4 notebook. */
public final class NotebookFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public NotebookFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    public NotebookFormatException(String message) {
        super(message);
    }
}
