package dev.assay.dsl.workspace;

import dev.assay.dsl.store.StoredVersion;

/** What {@code load pin} made: the dataset, holding the rows of {@code version}, checked against its fingerprint. */
public record LoadedPin(Dataset dataset, StoredVersion version) {
}
