import dev.assay.dsl.workspace.Workspace;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The wide benchmark's tables, computed from the row number, the column number and a seed,
 * so every run measures the same cells: an id, then {@code width / 2} DOUBLE columns
 * {@code n0, n1, ...} with 5 to 20% missing values (NULL) and {@code width / 2} short text
 * columns {@code t0, t1, ...} of 3 to 40 distinct values of two or three characters; the
 * {@code width + 1} columns of the table (500 numbers, 500 texts and an id). The
 * shifted copy (for drift and diff) moves every number by half its scale, has other missing
 * cells, and two more text values per column.
 */
final class WideData {

    static final long SEED = 20261206L;

    private WideData() {
    }

    /** Where the table of this shape lives in the data folder (generated once, reused). */
    static Path file(Path dataDir, int width, long rows, boolean shifted) {
        return dataDir.resolve(String.format(Locale.ROOT, "wide-%s%d-cols-%d-rows.parquet", shifted ? "shifted-" : "",
                width, rows));
    }

    /** Writes the table as Parquet (zstd), row groups in id order. */
    static void write(Workspace ws, int width, long rows, boolean shifted, Path file) {
        long seed = SEED + (shifted ? 1 : 0);
        StringBuilder select = new StringBuilder("SELECT i AS id");
        for (int k = 0; k < width / 2; k++) {
            int missingPercent = 5 + 5 * (k % 4);
            int scale = 1 + k % 5;
            select.append(String.format(Locale.ROOT, ", CASE WHEN hash(i, %d, %d) %% 100 < %d THEN NULL "
                            + "ELSE CAST(hash(i, %d, %d) %% 100000 AS DOUBLE) / 1000.0 * %d + %s END AS n%d",
                    k, seed, missingPercent, k + 100_000, seed, scale, shifted ? Double.toString(scale * 0.5) : "0", k));
        }
        for (int k = 0; k < width / 2; k++) {
            int distinct = 3 + k % 38 + (shifted ? 2 : 0);
            select.append(String.format(Locale.ROOT, ", 'v' || CAST(hash(i, %d, %d) %% %d AS VARCHAR) AS t%d",
                    k + 200_000, seed, distinct, k));
        }
        select.append(" FROM range(").append(rows).append(") r(i) ORDER BY i");
        ws.sql("COPY (" + select + ") TO '" + file.toString().replace("'", "''")
                + "' (FORMAT parquet, COMPRESSION zstd)", null);
    }
}
