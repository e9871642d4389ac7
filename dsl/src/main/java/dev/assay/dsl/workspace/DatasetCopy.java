package dev.assay.dsl.workspace;

import dev.assay.dsl.engine.ArrowHandOver;
import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.engine.StagedTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The rows of one dataset copied to another engine: streamed as Arrow batches from the
 * source's {@link SqlEngine#arrowBatches} into the target's {@link SqlEngine#createTable}, or
 * (for data too large to pass through this process) written as Parquet by the source into a
 * directory both engines reach and read back by the target. The copy is built aside and
 * committed only when its schema reads as the source's, so a failed copy changes nothing.
 */
final class DatasetCopy {

    /** Rows per Arrow batch: large enough to amortize the C stream's calls, small enough for the heap. */
    static final int BATCH_ROWS = 65_536;

    private final SessionEngines.Opened from;
    private final SessionEngines.Opened into;
    private final UnaryOperator<String> sharedDirectory;

    /** {@code sharedDirectory} turns the directory a user wrote into one both engines read alike. */
    DatasetCopy(SessionEngines.Opened from, SessionEngines.Opened into, UnaryOperator<String> sharedDirectory) {
        this.from = from;
        this.into = into;
        this.sharedDirectory = sharedDirectory;
    }

    /** Copies {@code name} as {@code target} on the target engine, as Arrow ({@code via} null) or Parquet in {@code via}. */
    Copied copy(String name, String target, String via) {
        boolean sameEngine = from.engine() == into.engine();
        if (sameEngine && target.equals(name)) {
            throw new IllegalArgumentException("'" + name + "' is on " + into.name() + " already"
                    + "; to copy it within one engine, give the copy another name (copy " + name + " to "
                    + into.name() + " as " + name + "_copy)");
        }
        List<Column> schema = from.engine().schema(name);
        SqlEngine engine = into.engine();
        long rows;
        try (StagedTables staged = StagedTables.of(engine, target)) {
            String aside = staged.aside(target);
            if (sameEngine) {
                engine.run("SELECT * FROM " + engine.quoteIdentifier(name), aside, 0);
            } else if (via == null) {
                engine.createTable(aside, allocator -> ArrowHandOver.of(from.engine().arrowBatches(name, BATCH_ROWS), allocator));
            } else {
                throughParquet(name, aside, sharedDirectory.apply(via));
            }
            requireSameSchema(name, schema, engine.schema(aside));
            rows = engine.count(aside);
            staged.commit();
        }
        return new Copied(target, name, from.name(), into.name(), rows, via, !sameEngine && target.equals(name));
    }

    /** The source writes a Parquet file into {@code directory}; the target reads it into {@code aside}; the file goes after. */
    private void throughParquet(String name, String aside, String directory) {
        boolean local = !directory.contains("://");
        if (local && !Files.isDirectory(Path.of(directory))) {
            throw new IllegalArgumentException("copy via '" + directory + "': no such directory (make one both "
                    + from.name() + " and " + into.name() + " reach)");
        }
        String file = directory.replaceAll("/+$", "") + "/assay-copy-" + name + "-" + UUID.randomUUID() + ".parquet";
        try {
            from.engine().run(from.engine().dialect().copyToParquet(name, file), null, 0);
            into.engine().run("SELECT * FROM " + into.engine().dialect().readParquet(file), aside, 0);
        } finally {
            if (local) {
                deleteQuietly(Path.of(file)); // an engine may write a directory of parts under that name
            }
        }
    }

    /** The copy must read back with the source's column names and logical types, else it is not the same dataset. */
    private void requireSameSchema(String name, List<Column> source, List<Column> copied) {
        if (source.size() != copied.size()) {
            throw new IllegalArgumentException("copy of '" + name + "' to " + into.name() + " came back with "
                    + copied.size() + " columns instead of " + source.size() + "; nothing was copied");
        }
        for (int i = 0; i < source.size(); i++) {
            Column a = source.get(i);
            Column b = copied.get(i);
            if (!a.name().equals(b.name()) || !a.type().equalsIgnoreCase(b.type())) {
                throw new IllegalArgumentException("copy of '" + name + "' to " + into.name() + " cannot keep column '"
                        + a.name() + "' (" + a.type() + " on " + from.name() + ", " + b.name() + " " + b.type() + " on "
                        + into.name() + "); nothing was copied: cast it in SQL first");
            }
        }
    }

    private static void deleteQuietly(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover file in a directory the user chose for copies; the copy itself is done
        }
    }
}
