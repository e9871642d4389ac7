package dev.assay.dsl.store;

/**
 * What the store keeps as the metrics of a relation's content (the profile's statistics,
 * docs/versions.md "Metrics"). The store only keeps the bytes; computing them is the caller's.
 */
@FunctionalInterface
public interface ContentMetrics {

    /** The metrics of {@code relation}'s rows, whose content is {@code fingerprint}, as the bytes to keep. */
    byte[] of(String relation, Fingerprint fingerprint);
}
