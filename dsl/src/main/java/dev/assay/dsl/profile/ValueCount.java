package dev.assay.dsl.profile;

/** A value of a column and how many rows hold it. */
public record ValueCount(Object value, long count) {
}
