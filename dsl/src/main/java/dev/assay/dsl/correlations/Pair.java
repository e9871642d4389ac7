package dev.assay.dsl.correlations;

/** Columns {@code a} and {@code b} (places in the matrix, a before b) and the method that correlates them. */
record Pair(int a, int b, CorrelationMethod method) {
}
