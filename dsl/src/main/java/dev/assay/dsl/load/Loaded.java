package dev.assay.dsl.load;

import dev.assay.dsl.workspace.Dataset;

/** What a load made: the dataset, its row count, and rows skipped as malformed (with ignore_errors). */
public record Loaded(Dataset dataset, String source, FileFormat format, long rows, long rejectedRows) {
}
