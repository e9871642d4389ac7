package dev.assay.spark;

import org.apache.spark.sql.SparkSession;

/**
 * Assay's Java functions that must give the same bytes on every engine, as Spark SQL functions:
 * registered as UDFs on each session the engine opens.
 */
final class SparkFunctions {

    /** A double as C's printf("%.17g") prints it (a fingerprint's doubles). */
    static final String C_DOUBLE = "assay_c_double";

    private SparkFunctions() {
    }

    /** Makes the functions known to {@code spark} (for this session). */
    static void register(SparkSession spark) {
    }
}
