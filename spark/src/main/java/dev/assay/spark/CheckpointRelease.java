package dev.assay.spark;

import org.apache.spark.connect.proto.Relation;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Gives back to a Spark Connect server the rows of a checkpoint no name refers to any more.
 *
 * <p>The server keeps a checkpoint's blocks (in memory, spilled to its local disk) for as long as
 * its session holds the relation. The client would release it only when the JVM collects the
 * {@link Dataset} object, which a long session with a large heap may not do for hours: at 10
 * million rows a few operations filled the server's disk. Releasing at once removes the server's
 * reference; the server's context cleaner then frees the blocks at its next garbage collection
 * ({@code spark.cleaner.periodicGC.interval}, which spark/serve sets to one minute).
 *
 * <p>A classic (in-process) session needs none of this: its context cleaner sees the same
 * objects the engine drops, and {@link SparkSessions} sets the same interval there.
 */
final class CheckpointRelease {

    private CheckpointRelease() {
    }

    /** Releases {@code rows} if it is a checkpoint held by a Spark Connect server; anything else is left alone. */
    static void release(SparkSession spark, Dataset<Row> rows) {
        if (!(spark instanceof org.apache.spark.sql.connect.SparkSession remote)
                || !(rows instanceof org.apache.spark.sql.connect.Dataset<?> remoteRows)) {
            return;
        }
        Relation root = remoteRows.plan().getRoot();
        if (!root.hasCachedRemoteRelation()) {
            return;
        }
        try {
            remote.cleaner().doCleanupCachedRemoteRelation(root.getCachedRemoteRelation().getRelationId());
        } catch (RuntimeException e) {
            // a server that is gone has freed it already; one that refuses keeps it until its session ends
        }
    }
}
