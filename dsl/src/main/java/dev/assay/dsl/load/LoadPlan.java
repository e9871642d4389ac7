package dev.assay.dsl.load;

import java.nio.file.Path;

/**
 * A checked load, ready to run: the engine's table function call for the file, and what is
 * needed to explain a failure or count rejected rows.
 */
public record LoadPlan(String source, Path file, boolean glob, FileFormat format, String tableFunction,
        char delimiter, Character quote, String encoding, boolean collectRejects) {

    public static final String REJECTS_TABLE = "_assay_load_rejects";
    public static final String REJECTS_SCAN = "_assay_load_rejects_scan";
}
