package dev.assay.dsl.profile;

import java.util.List;
import java.util.Map;

/**
 * Everything a profile says about one column. {@code count} is the number of values present;
 * {@code missing} counts NULL and, for floats, NaN. Fields that do not apply to the column's
 * kind are null: moments and quantiles for non-numbers, lengths, words and patterns for
 * non-text. Temporal means and quantiles are timestamps. {@code lengthHistogram} bins the
 * string lengths of text. {@code numbers} (numbers only) and {@code texts} (texts only) hold
 * what the profile finds wrong in the values: outliers, null-like tokens, variants.
 */
public record ColumnProfile(
        String name,
        String type,
        ColumnKind kind,
        long count,
        long missing,
        long distinct,
        Object min,
        Object max,
        Object mean,
        Double std,
        Map<String, Object> quantiles,
        Histogram histogram,
        List<ValueCount> top,
        LengthStats length,
        Histogram lengthHistogram,
        WordStats words,
        Map<String, Long> pii,
        NumberIntegrity numbers,
        TextIntegrity texts) {

    public ColumnProfile {
        top = List.copyOf(top);
    }

    /**
     * True when more than half the values present are distinct: free text rather than
     * categories (drift's rule), whose string lengths say more than its labels' lengths.
     */
    public boolean mostlyDistinct() {
        return distinct * 2 > count;
    }

    /** True when some value occurs more than once: only then do its most frequent values say something. */
    public boolean someValueRepeats() {
        return !top.isEmpty() && top.get(0).count() > 1;
    }
}
