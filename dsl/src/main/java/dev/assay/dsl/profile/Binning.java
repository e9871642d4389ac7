package dev.assay.dsl.profile;

import java.util.List;

/** The bins wanted for one column: which column, what of it, its edges, and the value of each bin when per value. */
record Binning(int column, Binned binned, double[] edges, List<Object> values) {

    /** What of a column is binned: its numbers, its times in microseconds, or the lengths of its strings. */
    enum Binned { VALUE, EPOCH_MICROS, LENGTH }

    int bins() {
        return edges.length - 1;
    }

    boolean temporal() {
        return binned == Binned.EPOCH_MICROS;
    }
}
