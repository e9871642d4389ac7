package dev.assay.dsl.duplicates;

import java.util.List;

/**
 * Near duplicates of one text column: {@code clusters} groups of two or more rows whose texts
 * are linked by a Jaccard similarity of at least {@code threshold} (exact duplicates
 * included), holding {@code rowsInClusters} rows together; the largest first. The LSH
 * parameters say how candidates were found.
 */
public record NearSummary(String column, double threshold, long clusters, long rowsInClusters,
                          List<NearCluster> largest, LshBanding banding) {

    public NearSummary {
        largest = List.copyOf(largest);
    }
}
