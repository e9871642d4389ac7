package dev.assay.dsl.profile;

/**
 * What a profile finds wrong in a column of numbers, over every row: counts of zeros, negatives
 * and infinities; skewness and excess kurtosis as pandas' {@code Series.skew()} and
 * {@code Series.kurt()} (null under 3 and 4 values or with infinite ones, 0 for a constant column); the outliers of
 * the IQR rule (fences from the profile's linear quartiles) and of the modified z-score
 * (0.6745 |x - median| / MAD above 3.5), with the median absolute deviation. Thresholds: docs/profile.md.
 */
public record NumberIntegrity(long zeros, long negatives, long infinite, Double skewness, Double kurtosis,
                              Outliers iqrOutliers, Double mad, Outliers madOutliers) {
}
