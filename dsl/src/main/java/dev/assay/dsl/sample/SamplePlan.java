package dev.assay.dsl.sample;

import dev.assay.dsl.split.SplitPlan;
import java.math.BigDecimal;

/**
 * How to sample a dataset: a percentage of its rows or a number of rows, and a seed. Rows are
 * chosen by the hash of {@code split} (see {@code SplitKey}) over the whole row: a percentage
 * keeps the rows whose hash falls below the share, exactly the first part of
 * {@code split NAME P/(100-P) seed S}, so rows appended later never change whether an old row
 * is in; a number of rows keeps the rows of smallest hash, so appending rows can only replace
 * sampled rows by new ones. Build with {@code SamplePlan.percent(10).seed(7)} or
 * {@code SamplePlan.rows(1000)}.
 */
public record SamplePlan(BigDecimal percent, Long rows, long seed) {

    public SamplePlan {
        if ((percent == null) == (rows == null)) {
            throw new IllegalArgumentException("a sample takes a percentage or a number of rows, one of them");
        }
        if (percent != null) {
            String problem = SplitPlan.percentageProblem(percent);
            if (problem != null) {
                throw new IllegalArgumentException(problem.replace("every part needs", "a sample needs"));
            }
        }
        if (rows != null && rows < 1) {
            throw new IllegalArgumentException("a sample needs at least 1 row, got " + rows);
        }
    }

    /** {@code percent}% of the rows, seed 0. */
    public static SamplePlan percent(Number percent) {
        return new SamplePlan(new BigDecimal(percent.toString()), null, 0);
    }

    /** {@code rows} rows (all of them when the dataset has fewer), seed 0. */
    public static SamplePlan rows(long rows) {
        return new SamplePlan(null, rows, 0);
    }

    public SamplePlan seed(long seed) {
        return new SamplePlan(percent, rows, seed);
    }

    /** The plan as the statement that makes it, for lineage: {@code s = sample train 10% seed 7}. */
    public String text(String target, String source) {
        return target + " = sample " + source + " " + (percent != null ? percent.toPlainString() + "%" : rows)
                + " seed " + seed;
    }
}
