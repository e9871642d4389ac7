import dev.assay.dsl.workspace.Workspace;
import java.nio.file.Path;

/**
 * The benchmark's data, computed from the row number and a seed, so every run on every
 * machine measures the same rows: an integer id, a decimal amount, an integer score with 5%
 * missing, a skewed category, a timestamp, and a text of about 100 characters (16 words of 5
 * drawn from a 20,000-word vocabulary) in which every 20th row repeats the previous row's
 * text with its first word changed (5% planted near duplicates, Jaccard about 0.8). The
 * shifted copy moves the amount, the score, the category mix and the time range.
 */
final class BenchData {

    static final long SEED = 20261122L;

    private BenchData() {
    }

    /** Writes {@code rows} rows to {@code file} as Parquet (zstd). */
    static void write(Workspace ws, long rows, boolean shifted, Path file) {
        String shift = shifted ? "1" : "0";
        ws.sql(("""
                COPY (
                  WITH base AS (
                    SELECT i,
                           array_to_string(list_transform(range(16),
                               lambda k: 'w' || lpad(CAST(hash(i, k, SEED) % 20000 AS VARCHAR), 5, '0')), ' ') AS words
                    FROM range(ROWS) r(i))
                  SELECT i AS id,
                         CAST((hash(i, 1, SEED) % 100000) / 100.0 * (1 + 0.1 * SHIFT) AS DECIMAL(12, 2)) AS amount,
                         CASE WHEN hash(i, 2, SEED) % 20 = 0 THEN NULL
                              ELSE CAST(hash(i, 3, SEED) % 1000 AS INTEGER) + 50 * SHIFT END AS score,
                         'c' || CAST(floor(sqrt(hash(i, 4, SEED) % (400 - 150 * SHIFT))) AS INTEGER) AS category,
                         TIMESTAMP '2025-01-01' + to_seconds(CAST(hash(i, 5, SEED) % (31536000 + 15768000 * SHIFT) AS BIGINT)) AS ts,
                         CASE WHEN i % 20 = 19 THEN 'changed ' || regexp_replace(lag(words) OVER (ORDER BY i), '^\\S+ ', '')
                              ELSE words END AS text
                  FROM base ORDER BY i
                ) TO 'FILE' (FORMAT parquet, COMPRESSION zstd)""")
                .replace("ROWS", Long.toString(rows)).replace("SEED", Long.toString(SEED + (shifted ? 1 : 0)))
                .replace("SHIFT", shift).replace("FILE", file.toString().replace("'", "''")), null);
    }
}
