package dev.assay.kernel.exec;

/** Where a cell's requests for input go: the client's stdin channel, or nowhere. */
@FunctionalInterface
public interface InputSource {

    /** Asks for one line of text; {@code password} hides what is typed. */
    String readLine(String prompt, boolean password) throws InterruptedException;

    /** A source that refuses, saying why (the client disallows stdin, or a headless run). */
    static InputSource unavailable(String why) {
        return (prompt, password) -> {
            throw new IllegalStateException("this cell asked for input, but " + why);
        };
    }
}
