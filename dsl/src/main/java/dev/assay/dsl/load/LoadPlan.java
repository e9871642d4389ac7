package dev.assay.dsl.load;

import java.nio.file.Path;

/**
 * A checked load, ready to run: the engine's table function call for the file, and what is
 * needed to explain a failure or count rejected rows.
 */
public record LoadPlan(String source, Path file, boolean glob, FileFormat format, String tableFunction,
        char delimiter, Character quote, String encoding, boolean collectRejects) {

    // Scratch names (SqlEngine.WORK_PREFIX): should a drop fail, they still never show up as datasets.
    public static final String REJECTS_TABLE = "__assay_load_rejects";
    public static final String REJECTS_SCAN = "__assay_load_rejects_scan";
}
