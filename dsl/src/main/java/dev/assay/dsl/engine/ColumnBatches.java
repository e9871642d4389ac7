package dev.assay.dsl.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a list of columns (or of expressions over them) into batches, each small enough for
 * one statement: a statement over thousands of columns grows plans and result schemas that
 * the engine and its Arrow export handle badly, while a few hundred per statement cost no
 * more per column than one (see docs/wide-operations.md).
 */
public final class ColumnBatches {

    /** Columns per statement: at 1,100 columns, batches of 500 were as fast as of 100, and one statement 1.5x slower. */
    public static final int DEFAULT_SIZE = 500;

    private ColumnBatches() {
    }

    public static <T> List<List<T>> of(List<T> items, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a batch holds at least one column, got " + size);
        }
        List<List<T>> out = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            out.add(List.copyOf(items.subList(from, Math.min(items.size(), from + size))));
        }
        return out;
    }

    public static <T> List<List<T>> of(List<T> items) {
        return of(items, DEFAULT_SIZE);
    }
}
