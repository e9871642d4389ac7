package dev.assay.dsl.profile;

/** String lengths of a text column, in Unicode code points. */
public record LengthStats(long min, double mean, long max) {
}
