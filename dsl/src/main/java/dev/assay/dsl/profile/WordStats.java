package dev.assay.dsl.profile;

/**
 * Words per string of a text column: white-space-separated runs of characters, counted as
 * Python's {@code str.split()} splits (an empty string has none).
 */
public record WordStats(long min, double mean, long max) {
}
