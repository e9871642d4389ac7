package dev.assay.dsl.store;

/** A pinned version that a dataset was made from: lineage from one version to the next. */
public record Parent(String label, int version, Fingerprint fingerprint) {

    @Override
    public String toString() {
        return label + "@" + version;
    }
}
