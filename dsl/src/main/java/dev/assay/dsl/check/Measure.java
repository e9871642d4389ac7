package dev.assay.dsl.check;

import dev.assay.dsl.baseline.DurationText;
import dev.assay.dsl.baseline.Tolerance;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * What a rule measures: {@code rows}, {@code missing(col)}, {@code duplicates(a, b)} ...,
 * optionally as a percentage (of the rows, the cells or the columns). One record per measure;
 * each declares what it needs of the checked data ({@link #plan}: aggregates of the check's one
 * scan, or an operation over whole rows) and reads its own value from it, so nothing
 * dispatches on a measure's name. The language builds measures with {@link #of} and the Java
 * API with the factories, for example {@code Measure.missing("text").percent().lessThan(1)};
 * both refuse what cannot be measured (a wrong number of arguments, a percentage of a mean).
 * Adding a measure: docs/architecture.md, "Adding a check measure".
 */
public sealed interface Measure permits RowCount, MissingValues, MissingCells, DistinctValues, DuplicateRows, Minimum,
        Maximum, MeanValue, PiiRows, DriftedColumns, FingerprintMatch, ConflictingRows, ClassImbalance, MinorityShare,
        LabelAssociation, NewLabels, OutlierCount, Skewness, NullLikeRows, PairCorrelation, UnexpectedValues, CustomMeasure,
        SchemaChanges, BaselineDrift, Freshness {

    /** The built-in measures of the language, in the order the documentation lists them. */
    List<String> NAMES = MeasureSyntax.builtInNames();

    /** Every measure the language knows now: the built-in ones, then those of extensions. */
    static List<String> names() {
        return MeasureSyntax.names();
    }

    /** The name the language writes: {@code missing}. */
    String name();

    /** The arguments as the language writes them: columns, or the reference dataset of {@code drift}. */
    List<String> arguments();

    /** The measures whose value pinned versions keep, which {@code within} rules compare with a baseline. */
    static List<String> namesWithBaselineValue() {
        return MeasureSyntax.namesWithBaselineValue();
    }

    /** Whether the value is a percentage (of the rows, all cells or the columns compared). */
    default boolean inPercent() {
        return false;
    }

    /**
     * Plans measuring {@code rule} (whose measure this is) on {@code data}: checks what the
     * measure names (columns and their types, the reference dataset, the pinned version) and
     * asks for what it reads, aggregates of the check's one scan or an operation run when read.
     * Called for every rule of a check before any data is read, so a wrong column stops the
     * check at once; throws {@link IllegalArgumentException} saying what is wrong.
     */
    Reading plan(Rule rule, CheckTarget data);

    /** The measure {@code name(arguments)}, or an error saying what {@code name} takes. */
    static Measure of(String name, List<String> arguments) {
        return MeasureSyntax.measure(name, arguments);
    }

    static Measure rows() {
        return new RowCount();
    }

    /** Missing values (NULL, and NaN in float columns) of a column. */
    static Measure missing(String column) {
        return new MissingValues(column, false);
    }

    /** Missing cells over every column; as a percentage, of all cells. */
    static Measure missingCells() {
        return new MissingCells(false);
    }

    /** Distinct values (missing ones not counted), as pandas' {@code nunique}. */
    static Measure distinct(String column) {
        return new DistinctValues(column, false);
    }

    /** Rows that repeat an earlier row over these columns (all columns when none is named). */
    static Measure duplicates(String... columns) {
        return new DuplicateRows(List.of(columns), false);
    }

    static Measure min(String column) {
        return new Minimum(column);
    }

    static Measure max(String column) {
        return new Maximum(column);
    }

    static Measure mean(String column) {
        return new MeanValue(column);
    }

    /** Values of a number column outside [Q1 - 1.5 IQR, Q3 + 1.5 IQR] (profile's {@code iqr_outliers}); as a percentage, of the values present. */
    static Measure outliers(String column) {
        return new OutlierCount(column, false);
    }

    /** The skewness of a number column as pandas' {@code Series.skew()} (profile's {@code skewness}). */
    static Measure skewness(String column) {
        return new Skewness(column);
    }

    /** Values of a text column holding an email, a phone number, a card number or an IPv4 address. */
    static Measure pii(String column) {
        return new PiiRows(List.of(column), false);
    }

    /** Rows of a text column whose value means missing without being NULL ({@code NA}, empty, ...), as {@code profile} counts them. */
    static Measure nullLike(String column) {
        return new NullLikeRows(column, false);
    }

    /** Rows of a text column whose value is present and none of {@code allowed} (values outside the categories). */
    static Measure unexpected(String column, String... allowed) {
        return new UnexpectedValues(column, List.of(allowed), false);
    }

    /** Columns that drifted from the baseline version (only in a check against a baseline); as a percentage, of the columns compared. */
    static Measure drift() {
        return new BaselineDrift(false);
    }

    /** Seconds from the latest value of a date or time column to now. */
    static Measure freshness(String column) {
        return new Freshness(column);
    }

    /** Columns that drifted from {@code reference} (the dataset checked is the current side). */
    static Measure drift(String reference) {
        return new DriftedColumns(reference, false);
    }

    /** The content fingerprint, compared with {@code 'sha256:…'} or a pinned version {@code 'label@N'}. */
    static Measure fingerprint() {
        return new FingerprintMatch();
    }

    /** Labelled rows in groups of equal features (every other column) and differing labels; as a percentage, of the labelled rows. */
    static Measure conflicts(String label) {
        return new ConflictingRows(label, false);
    }

    /** The largest class's count over the smallest's. */
    static Measure imbalance(String label) {
        return new ClassImbalance(label);
    }

    /** The smallest class's share of the labelled rows, a fraction; in percent with {@link #percent()}. */
    static Measure minority(String label) {
        return new MinorityShare(label, false);
    }

    /** The normalized mutual information of {@code column} with {@code label} (0 to 1). */
    static Measure association(String column, String label) {
        return new LabelAssociation(column, label);
    }

    /** Label values that dataset {@code other} has and the checked dataset has not. */
    static Measure newLabels(String label, String other) {
        return new NewLabels(label, other);
    }

    /** The correlation of columns {@code a} and {@code b} by the pair's auto method (-1 to 1). */
    static Measure correlation(String a, String b) {
        return new PairCorrelation(a, b);
    }

    /**
     * The same measure as a percentage: of the rows, of all cells for {@code missing}, of the
     * columns for {@code drift}, of the labelled rows for {@code conflicts} and {@code minority}.
     */
    default Measure percent() {
        throw new IllegalArgumentException(name() + " cannot be a percentage; percentages are of the rows (missing, "
                + "distinct, duplicates, pii) or of the columns (drift)");
    }

    default Rule lessThan(Number limit) {
        return compare(Operator.LESS, limit);
    }

    default Rule atMost(Number limit) {
        return compare(Operator.AT_MOST, limit);
    }

    default Rule equalTo(Number limit) {
        return compare(Operator.EQUAL, limit);
    }

    default Rule atLeast(Number limit) {
        return compare(Operator.AT_LEAST, limit);
    }

    default Rule greaterThan(Number limit) {
        return compare(Operator.GREATER, limit);
    }

    default Rule notEqualTo(Number limit) {
        return compare(Operator.NOT_EQUAL, limit);
    }

    /** {@code fingerprint = 'sha256:…'} or {@code fingerprint = 'label@N'}. */
    default Rule equalTo(String expected) {
        return compare(Operator.EQUAL, expected);
    }

    default Rule notEqualTo(String expected) {
        return compare(Operator.NOT_EQUAL, expected);
    }

    default Rule compare(Operator operator, String expected) {
        return new Rule(this, operator, null, expected);
    }

    default Rule compare(Operator operator, Number limit) {
        if (limit instanceof Double || limit instanceof Float) {
            if (!Double.isFinite(limit.doubleValue())) {
                throw new IllegalArgumentException(text() + " is compared with a finite number, not " + limit);
            }
        }
        return new Rule(this, operator, new BigDecimal(limit.toString()), null);
    }

    /** Whether the rule compares with a text (a fingerprint or a version) instead of a number. */
    default boolean isFingerprint() {
        return false;
    }

    /**
     * The measure's value in the metrics kept with a pinned version, which {@code within} rules
     * compare with; null for measures whose value is not kept (duplicates, pii, drift(REF),
     * fingerprint, labels, correlations ...).
     */
    default MetricValue metricValue() {
        return null;
    }

    /** Whether the measure compares with a baseline itself ({@code schema unchanged}, {@code drift < N%}). */
    default boolean needsBaseline() {
        return false;
    }

    /** Whether the limit is a duration ({@code freshness(ts) <= 12 h}), kept in seconds. */
    default boolean takesDuration() {
        return false;
    }

    /** The rule {@code MEASURE within N%}: within N percent of the baseline version's value. */
    default Rule withinPercent(Number percent) {
        return new Rule(this, null, null, null, Tolerance.percent(percent));
    }

    /** The rule {@code MEASURE within N sd}: within N sample standard deviations of the mean of the baseline versions' values. */
    default Rule withinSd(Number sds) {
        return new Rule(this, null, null, null, Tolerance.sd(sds));
    }

    /** {@code freshness(col) <= DURATION}. */
    default Rule atMost(Duration duration) {
        return compareDuration(Operator.AT_MOST, duration);
    }

    /** {@code freshness(col) < DURATION}. */
    default Rule lessThan(Duration duration) {
        return compareDuration(Operator.LESS, duration);
    }

    private Rule compareDuration(Operator operator, Duration duration) {
        if (!takesDuration()) {
            throw new IllegalArgumentException(text() + " is compared with a number, not a duration");
        }
        return compare(operator, DurationText.seconds(duration));
    }

    /** The rule {@code MEASURE OP LIMIT} as written; a measure may write its limit its own way (a duration). */
    default String ruleText(Operator operator, BigDecimal limit) {
        return text() + " " + operator.symbol() + " " + limit.toPlainString() + (inPercent() ? "%" : "");
    }

    /** How the measure is written in the language: {@code duplicates(a, b)}. */
    default String text() {
        return arguments().isEmpty() ? name() : name() + "(" + String.join(", ", arguments()) + ")";
    }
}
