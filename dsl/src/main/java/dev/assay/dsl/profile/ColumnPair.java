package dev.assay.dsl.profile;

/** Two columns of a dataset, {@code a} before {@code b} in the dataset's order. */
public record ColumnPair(String a, String b) {
}
