package dev.assay.dsl.load;

import dev.assay.dsl.workspace.Dataset;
import java.util.List;

/**
 * What a load made: the dataset, its row count, rows skipped as malformed (with ignore_errors),
 * and warnings about a load that worked but likely not as meant (a wrong delimiter, say).
 */
public record Loaded(Dataset dataset, String source, FileFormat format, long rows, long rejectedRows, List<String> warnings) {

    public Loaded {
        warnings = List.copyOf(warnings);
    }

    public Loaded(Dataset dataset, String source, FileFormat format, long rows, long rejectedRows) {
        this(dataset, source, format, rows, rejectedRows, List.of());
    }
}
