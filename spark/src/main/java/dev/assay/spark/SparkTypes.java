package dev.assay.spark;

import dev.assay.dsl.engine.SparkTypeNames;
import java.util.Locale;
import org.apache.spark.sql.types.DataType;

/**
 * Spark's types under Assay's logical type names (docs/types.md), so that a column has the same
 * type on every engine: in profiles, fingerprints and pins.
 */
final class SparkTypes {

    private SparkTypes() {
    }

    /** The logical name of a Spark type; one without (a variant, say) keeps Spark's own name, in capitals. */
    static String logicalName(DataType type) {
        try {
            return SparkTypeNames.toLogical(type.simpleString());
        } catch (IllegalArgumentException e) {
            return type.sql().toUpperCase(Locale.ROOT);
        }
    }
}
