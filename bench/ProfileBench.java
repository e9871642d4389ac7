import dev.assay.dsl.profile.Profile;
import dev.assay.dsl.workspace.Workspace;
import java.util.Locale;

/**
 * Profile of generated rows against DuckDB's own SUMMARIZE on the same table, in the same
 * process. Run with a small heap to show that no rows are held in Java:
 *
 *   bench/run ProfileBench [ROWS]
 *
 * The rows are generated from their row number (no random state), so every run profiles the
 * same data. SUMMARIZE approximates (HyperLogLog distinct counts, t-digest quantiles); the
 * profile is exact, so a ratio near 1 means exactness costs nothing.
 */
public class ProfileBench {

    public static void main(String[] args) {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 50_000_000L;
        try (Workspace ws = Workspace.embedded()) {
            long t0 = System.nanoTime();
            ws.query("""
                    SELECT range AS id,
                           ((range * 2654435761) % 1000003) / 1000.0 AS amount,
                           CASE WHEN range % 97 = 0 THEN NULL ELSE (range % 113)::INTEGER END AS score,
                           'category ' || (range * 7919 % 20) AS category,
                           TIMESTAMP '2024-01-01' + INTERVAL (range % 31536000) SECOND AS at,
                           range % 3 = 0 AS flag,
                           CASE WHEN range % 1000 = 0 THEN 'user' || range || '@example.org'
                                ELSE 'note ' || (range % 50000) END AS note
                    FROM range(ROWS)""".replace("ROWS", Long.toString(rows)), "generated");
            double generate = seconds(t0);

            long t1 = System.nanoTime();
            ws.sql("SUMMARIZE generated", "summary");
            double summarize = seconds(t1);

            long t2 = System.nanoTime();
            Profile profile = ws.dataset("generated").profile();
            double exact = seconds(t2);

            System.out.printf(Locale.ROOT, "rows                 %,d (%d columns)%n", profile.rows(), profile.columns().size());
            System.out.printf(Locale.ROOT, "max heap             %,d MB%n", Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf(Locale.ROOT, "peak heap used       %,d MB%n", Measure.peakHeapBytes() >> 20);
            System.out.printf(Locale.ROOT, "generate             %.1f s%n", generate);
            System.out.printf(Locale.ROOT, "DuckDB SUMMARIZE     %.1f s (approximate)%n", summarize);
            System.out.printf(Locale.ROOT, "Assay profile        %.1f s (exact)%n", exact);
            System.out.printf(Locale.ROOT, "profile / SUMMARIZE  %.2f%n", exact / summarize);
            System.out.printf(Locale.ROOT, "distinct id          %,d%n", profile.columns().get(0).distinct());
            profile.findings().forEach(f -> System.out.println("finding              " + f.column() + ": " + f.message()));
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
