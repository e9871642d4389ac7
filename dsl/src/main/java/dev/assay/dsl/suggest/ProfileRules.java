package dev.assay.dsl.suggest;

import dev.assay.dsl.check.Measure;
import dev.assay.dsl.profile.ColumnKind;
import dev.assay.dsl.profile.ColumnProfile;
import dev.assay.dsl.profile.Outliers;
import dev.assay.dsl.profile.Profile;
import dev.assay.dsl.profile.ValueCount;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules a profile supports, each with its margin (docs/suggest.md): the row count, then
 * per column, in the profile's order, missing values, distinct values and the allowed
 * categories of categorical columns, the range of numbers, null-like texts and outliers.
 * Reads the profile only; the data is not scanned again.
 */
final class ProfileRules {

    /** A column with at most this many distinct values, each repeated on average, is categorical. */
    static final int CATEGORICAL_DISTINCT = 20;
    /** A text column with at most this many values (all of them in the profile's top values) gets its categories listed. */
    static final int LISTED_CATEGORIES = 10;
    /** A holdout with more of its rows outside the categories than this (in percent) has no fixed set of them. */
    static final double NEW_CATEGORY_PERCENT = 5;

    private final List<Proposal> proposals = new ArrayList<>();
    private final List<SkippedColumn> skipped = new ArrayList<>();

    static ProfileRules of(Profile profile) {
        ProfileRules rules = new ProfileRules();
        rules.rows(profile.rows());
        for (ColumnProfile column : profile.columns()) {
            if (!WritableNames.writable(column.name())) {
                rules.skipped.add(new SkippedColumn(column.name(), "a check names a column by one word (letters, digits, _); "
                        + "rename it to check it"));
                continue;
            }
            rules.column(column, profile.rows());
        }
        return rules;
    }

    List<Proposal> proposals() {
        return proposals;
    }

    List<SkippedColumn> skipped() {
        return skipped;
    }

    private void rows(long rows) {
        long least = Margins.rows(rows);
        proposals.add(new Proposal(Measure.rows().atLeast(least),
                Margins.format(rows) + " rows observed; bound at " + Margins.ROWS_PERCENT + "% of them, rounded down",
                (value, holdoutRows) -> Revision.widened(Measure.rows().atLeast(Margins.rows((long) value)), "the holdout has "
                        + Margins.format(value) + " rows; bound at " + Margins.ROWS_PERCENT + "% of them, rounded down")));
    }

    private void column(ColumnProfile column, long rows) {
        String name = column.name();
        share(Measure.missing(name), column.missing(), rows, "missing");
        if (isCategorical(column) && column.kind() != ColumnKind.BOOLEAN) {
            distinct(column);
        }
        if (column.kind() == ColumnKind.TEXT && listsCategories(column)) {
            categories(column);
        }
        if (column.kind() == ColumnKind.NUMERIC) {
            range(column);
            outliers(column);
        }
        if (column.kind() == ColumnKind.TEXT && column.texts() != null) {
            share(Measure.nullLike(name), column.texts().nullLike(), rows, "null-like");
        }
    }

    /** Few distinct values, each held by two rows or more on average. */
    private static boolean isCategorical(ColumnProfile column) {
        return column.distinct() > 0 && column.distinct() <= CATEGORICAL_DISTINCT && !column.mostlyDistinct();
    }

    /** A notebook reads {@code $NAME} as a parameter, also inside quotes: such a value cannot be pasted as written. */
    private static final Pattern PARAMETER = Pattern.compile("\\$[A-Za-z_]");

    /**
     * Few enough categories that the profile's top values hold every one of them, none of
     * which a notebook would take for a parameter.
     */
    private static boolean listsCategories(ColumnProfile column) {
        return isCategorical(column) && column.distinct() <= LISTED_CATEGORIES && column.top().size() == column.distinct()
                && column.top().stream().noneMatch(v -> PARAMETER.matcher(String.valueOf(v.value())).find());
    }

    /**
     * A count of rows ({@code missing}, {@code null_like}): {@code = 0} when there is none,
     * else its share bounded by {@link Margins#share}; no rule when that bound allows every row.
     */
    private void share(Measure measure, long count, long rows, String what) {
        if (count == 0) {
            proposals.add(new Proposal(measure.equalTo(0), "no " + what + " values observed",
                    (value, holdoutRows) -> widenShare(measure, 100.0 * value / holdoutRows, what)));
            return;
        }
        double percent = 100.0 * count / rows;
        BigDecimal bound = Margins.share(percent);
        if (bound.compareTo(BigDecimal.valueOf(100)) >= 0) {
            return; // a bound of every row says nothing
        }
        proposals.add(new Proposal(measure.percent().atMost(bound), shareReason(percent, what),
                (value, holdoutRows) -> widenShare(measure, value, what)));
    }

    private static String shareReason(double percent, String what) {
        return Margins.format(percent) + "% " + what + " observed; bound at " + Margins.SHARE_FACTOR_TEXT
                + ", rounded up";
    }

    /** A share rule covering the holdout's {@code percent}, or dropped when it would allow every row. */
    private static Revision widenShare(Measure measure, double percent, String what) {
        BigDecimal bound = Margins.share(percent);
        if (bound.compareTo(BigDecimal.valueOf(100)) >= 0) {
            return Revision.dropped("the holdout has " + Margins.format(percent) + "% " + what
                    + "; a bound covering it would allow every row");
        }
        return Revision.widened(measure.percent().atMost(bound), "the holdout has " + Margins.format(percent) + "% "
                + what + "; bound at " + Margins.SHARE_FACTOR_TEXT + ", rounded up");
    }

    private void distinct(ColumnProfile column) {
        Measure measure = Measure.distinct(column.name());
        proposals.add(new Proposal(measure.atMost(Margins.distinct(column.distinct())),
                Margins.format(column.distinct()) + " distinct values observed (a categorical column); bound at "
                        + Margins.DISTINCT_FACTOR + "x, rounded up, at least one more",
                (value, holdoutRows) -> Revision.widened(measure.atMost(Margins.distinct((long) value)), "the holdout has "
                        + Margins.format(value) + " distinct values; bound at " + Margins.DISTINCT_FACTOR + "x, rounded up")));
    }

    /** {@code unexpected(col, categories...) = 0}: any value outside today's categories fails. */
    private void categories(ColumnProfile column) {
        String[] values = column.top().stream().map(ValueCount::value).map(String::valueOf).sorted().toArray(String[]::new);
        Measure measure = Measure.unexpected(column.name(), values);
        proposals.add(new Proposal(measure.equalTo(0), "every one of the " + Margins.format(column.count())
                + " values present is one of these " + values.length + " categories; any other value fails",
                (value, holdoutRows) -> {
                    double percent = 100.0 * value / holdoutRows;
                    if (percent > NEW_CATEGORY_PERCENT) {
                        return Revision.dropped(Margins.format(percent) + "% of the holdout's rows hold other values (over "
                                + Margins.format(NEW_CATEGORY_PERCENT) + "%): the categories are not a fixed set");
                    }
                    return widenShare(measure, percent, "other values");
                }));
    }

    /** {@code min(col) >= low} and {@code max(col) <= high}, the observed range widened by {@link Margins#rangeMargin}. */
    private void range(ColumnProfile column) {
        if (!(column.min() instanceof Number min) || !(column.max() instanceof Number max)
                || !Double.isFinite(min.doubleValue()) || !Double.isFinite(max.doubleValue())) {
            return; // no values, or infinities: no range to bound
        }
        double low = min.doubleValue();
        double high = max.doubleValue();
        boolean integers = ColumnKind.isInteger(column.type());
        String name = column.name();
        String observed = "values from " + Margins.format(low) + " to " + Margins.format(high) + " observed; ";
        proposals.add(new Proposal(Measure.min(name).atLeast(Margins.lower(low, high, integers)),
                observed + rangeMarginText(low, high, "below the smallest") + (low >= 0 && low - Margins.rangeMargin(low, high) < 0
                        ? ", not below 0 as none is negative" : "")
                        + ", rounded down",
                (value, holdoutRows) -> Revision.widened(Measure.min(name).atLeast(Margins.lower(Math.min(low, value), high,
                        integers)), "the holdout's smallest value is " + Margins.format(value) + "; "
                        + rangeMarginText(Math.min(low, value), high, "below it") + ", rounded down")));
        proposals.add(new Proposal(Measure.max(name).atMost(Margins.upper(low, high, integers)),
                observed + rangeMarginText(low, high, "above the largest") + (high <= 0 && high + Margins.rangeMargin(low, high) > 0
                        ? ", not above 0 as none is positive" : "")
                        + ", rounded up",
                (value, holdoutRows) -> Revision.widened(Measure.max(name).atMost(Margins.upper(low, Math.max(high, value),
                        integers)), "the holdout's largest value is " + Margins.format(value) + "; "
                        + rangeMarginText(low, Math.max(high, value), "above it") + ", rounded up")));
    }

    private static String rangeMarginText(double low, double high, String where) {
        String of = high > low ? Math.round(Margins.RANGE_FRACTION * 100) + "% of the range" : Math.round(
                Margins.RANGE_FRACTION * 100) + "% of the value (the range is one value)";
        return "bound " + of + " (" + Margins.format(Margins.rangeMargin(low, high)) + ") " + where;
    }

    /** {@code outliers(col) <= N%} of the values present, from the profile's IQR outliers. */
    private void outliers(ColumnProfile column) {
        if (column.numbers() == null || column.count() == 0) {
            return;
        }
        Outliers iqr = column.numbers().iqrOutliers();
        long count = iqr == null ? 0 : iqr.count();
        double percent = 100.0 * count / column.count();
        BigDecimal bound = Margins.share(percent);
        if (bound.compareTo(BigDecimal.valueOf(100)) >= 0) {
            return;
        }
        Measure measure = Measure.outliers(column.name());
        proposals.add(new Proposal(measure.percent().atMost(bound),
                Margins.format(percent) + "% of the values present are IQR outliers; bound at " + Margins.SHARE_FACTOR_TEXT
                        + ", rounded up",
                (value, holdoutRows) -> widenShare(measure, value, "IQR outliers")));
    }
}
