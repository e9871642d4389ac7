package dev.assay.kernel.java;

/** One snippet of a cell: its source as JShell will compile it and where it starts in the cell. */
record SourceSlice(String source, int start, boolean complete) {
}
