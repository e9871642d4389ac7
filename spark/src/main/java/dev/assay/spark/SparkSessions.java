package dev.assay.spark;

import org.apache.spark.sql.SparkSession;

/**
 * Opens the Spark session a location names: {@code sc://host:port} reaches a Spark Connect
 * server; {@code local}, {@code local[N]} or {@code local[*]} starts a classic session in this
 * process, which needs Spark's own jars (spark-sql) on the class path.
 */
final class SparkSessions {

    private SparkSessions() {
    }

    static SparkSession open(String location) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("use spark needs a location: 'sc://host:15002' for a Spark Connect server "
                    + "(spark/serve starts one on this machine), or 'local[2]' with Spark's jars on the class path");
        }
        String where = location.strip();
        if (where.startsWith("sc://")) {
            // A session of its own: the engine closes it, which must not close anyone else's.
            return SparkSession.builder().remote(where).create();
        }
        if (where.matches("local(\\[(\\d+|\\*)])?")) {
            try {
                Class.forName("org.apache.spark.SparkContext$");
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException("'" + where + "' needs Apache Spark's own jars (spark-sql_2.13 4.0.1) on "
                        + "the class path before Assay's, which the kernel does not carry; start a server with spark/serve "
                        + "and write use spark 'sc://127.0.0.1:15002' (docs/spark.md)");
            }
            return SparkSession.builder().master(where).appName("assay")
                    .config("spark.api.mode", "classic")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.session.timeZone", "UTC")
                    .config("spark.sql.shuffle.partitions", "8")
                    // Blocks of released checkpoints are freed at the next collection: make it come within a minute.
                    .config("spark.cleaner.periodicGC.interval", "1min")
                    .getOrCreate();
        }
        throw new IllegalArgumentException("'" + where + "' is not a Spark location: write 'sc://host:port' (Spark Connect) "
                + "or 'local[N]'");
    }
}
