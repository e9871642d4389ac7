package dev.assay.dsl.lang;

/** A place in a cell: 1-based line and column (in characters). */
public record Position(int line, int column) {
    @Override
    public String toString() {
        return "line " + line + ", column " + column;
    }
}
