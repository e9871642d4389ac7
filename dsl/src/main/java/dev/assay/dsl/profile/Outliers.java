package dev.assay.dsl.profile;

import java.util.List;

/**
 * The values of a numeric column outside the fences {@code [low, high]} of one rule (IQR or
 * modified z-score), with up to {@link #EXAMPLES} of them: those farthest from the median, ties
 * by value, so both engines show the same ones.
 */
public record Outliers(long count, Double low, Double high, List<Object> examples) {

    public static final int EXAMPLES = 5;

    public Outliers {
        examples = List.copyOf(examples);
    }

    /** The same outliers with these examples. */
    Outliers withExamples(List<Object> shown) {
        return new Outliers(count, low, high, shown);
    }
}
