package dev.assay.dsl.duplicates;

import java.util.List;

/** A cluster of near-duplicate rows: how many rows, the first row (0-based) and a few of its texts as written. */
public record NearCluster(long rows, long firstRow, List<String> examples) {

    public NearCluster {
        examples = List.copyOf(examples);
    }
}
