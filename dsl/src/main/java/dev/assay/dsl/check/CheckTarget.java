package dev.assay.dsl.check;

import dev.assay.dsl.baseline.BaselineVersions;
import dev.assay.dsl.correlations.Correlations;
import dev.assay.dsl.drift.Drift;
import dev.assay.dsl.engine.Column;
import dev.assay.dsl.history.VersionMetrics;
import dev.assay.dsl.labels.ColumnAssociation;
import dev.assay.dsl.labels.LabelClasses;
import dev.assay.dsl.scan.Aggregate;
import dev.assay.dsl.scan.Handle;
import dev.assay.dsl.store.StoredVersion;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What a {@link Measure} may ask of the dataset a check measures. Aggregates and the row count
 * are requests to the check's one scan, read through their handles after it ran; operations
 * over whole rows are checked when asked and run when first read, once per check however many
 * rules read them. Every method that names something unknown throws
 * {@link IllegalArgumentException} saying what it is and what is near.
 */
public interface CheckTarget {

    /** The dataset's name, as notes name it. */
    String name();

    /** Its columns, read once per check. */
    List<Column> schema();

    /** The columns of these names, in this order; an unknown or repeated name is refused. */
    List<Column> columns(List<String> names);

    /** The number of rows, from the check's scan. */
    Handle<Long> rows();

    /** {@code aggregate} of {@code column}, from the check's scan; equal requests share one value. */
    <T> Handle<T> aggregate(Column column, Aggregate<T> aggregate);

    /** Rows repeating an earlier row over these columns (every column when none is named), as {@code duplicates}. */
    LongSupplier duplicateRows(List<String> columns);

    /** Rows whose text holds personal data in any of these text columns, as {@code profile} finds it. */
    LongSupplier rowsWithPii(List<Column> textColumns);

    /** {@code drift REFERENCE vs} this dataset, with the default methods. */
    Supplier<Drift> driftFrom(String reference);

    /** The classes of the label column {@code label}, as {@code labels} counts them (one class or none is not refused). */
    Supplier<LabelClasses> labelClasses(String label);

    /** The classes of the column {@code label} of dataset {@code other}, which must be on this dataset's engine. */
    Supplier<LabelClasses> labelClassesOf(String other, String label);

    /** Labelled rows in groups of equal features (every other column) and differing labels, as {@code labels} finds them. */
    LongSupplier conflictRows(String label);

    /** How much {@code column} tells about {@code label}, as {@code labels} measures it; the column is not the label. */
    Supplier<ColumnAssociation> association(String column, String label);

    /**
     * The correlations of columns {@code a} and {@code b} by the pair's auto method, as
     * {@code correlations NAME on A, B}; unknown columns and kinds no method takes are refused
     * when asked, the values computed when first read.
     */
    default Supplier<Correlations> correlations(String a, String b) {
        throw new UnsupportedOperationException(name() + " does not compute correlations");
    }

    /** The fingerprint of the dataset's content. */
    Supplier<String> fingerprint();

    /** {@code 'sha256:…'} as written, or the fingerprint of the pinned version {@code 'label@N'} ('label': the latest). */
    String expectedFingerprint(String expected);

    /** The versions a check against a baseline compares with; empty in a check without {@code against}. */
    default Optional<BaselineVersions> baseline() {
        return Optional.empty();
    }

    /** The metrics kept with a pinned version (computed once and kept for an older version), read once per check. */
    default VersionMetrics metrics(StoredVersion version) {
        throw new UnsupportedOperationException(name() + " reads no kept metrics");
    }

    /**
     * The {@code auto} drift from the baseline version's snapshot to this dataset, over the
     * columns both have; computed when first read, once per check. Reading it throws
     * {@link IllegalArgumentException} when nothing can be compared (no rows, no shared column).
     */
    default Supplier<Drift> driftFromBaseline() {
        throw new UnsupportedOperationException(name() + " has no baseline to drift from");
    }

    /** The time {@code freshness} measures from (the workspace's clock). */
    default Instant now() {
        return Instant.now();
    }
}
