package dev.assay.dsl.baseline;

import dev.assay.dsl.store.VersionRef;

/**
 * What a check compares with: the pinned versions of a label ({@code check NAME against 'LABEL'};
 * in Java {@code dataset.check(Baseline.of("label"), rules...)}). Which versions count is
 * {@link BaselineVersions}' business.
 */
public record Baseline(String label) {

    public Baseline {
        VersionRef.checkLabel(label);
    }

    public static Baseline of(String label) {
        return new Baseline(label);
    }
}
