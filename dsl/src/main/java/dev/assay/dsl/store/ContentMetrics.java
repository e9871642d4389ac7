package dev.assay.dsl.store;

/**
 * What the store keeps as the metrics of a relation's content (the profile's statistics,
 * docs/versions.md "Metrics and check outcomes"). The store only keeps the bytes; computing
 * and reading them is the caller's.
 */
@FunctionalInterface
public interface ContentMetrics {

    /** The metrics of {@code relation}'s rows, whose content is {@code fingerprint}, as the bytes to keep. */
    byte[] of(String relation, Fingerprint fingerprint);

    /**
     * Whether bytes found in the store are complete metrics of that content; a pin replaces
     * those that are not (a file damaged by hand), never trusts them.
     */
    default boolean readable(Fingerprint fingerprint, byte[] kept) {
        return true;
    }
}
