import dev.assay.dsl.drift.Drift;
import dev.assay.dsl.drift.DriftPlan;
import dev.assay.dsl.workspace.Workspace;
import java.util.Locale;

/**
 * drift of two generated datasets of 10 columns against one raw DuckDB scan of both (min and
 * max of every column), in the same process:
 *
 *   bench/run DriftBench [ROWS]
 *
 * Columns: 4 doubles (continuous, about ROWS distinct values each), 2 integers (1,000 and
 * 100 values), a timestamp (second resolution), 2 categories (12 and 3 values) and a
 * boolean; the current dataset shifts and rescales some of them. Values come from hashes
 * of the row number, so every run compares the same data. Each figure is the median of
 * three runs after one warm-up run.
 */
public class DriftBench {

    public static void main(String[] args) {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 5_000_000L;
        try (Workspace ws = Workspace.embedded()) {
            // The current rows are other row numbers, so the two samples differ beyond the shift.
            for (String[] side : new String[][] {{"reference", "0", "1.0", "0"}, {"current", "0.05", "1.1", Long.toString(rows)}}) {
                ws.query(("""
                        SELECT (hash(i, 1) % 1000000) / 1e4 * SCALE + SHIFT AS a,
                               (hash(i, 2) % 1000003) / 7.0 AS b,
                               ln(1 + hash(i, 3) % 100000) + SHIFT AS c,
                               (hash(i, 4) % 999983) / 3.0 * SCALE AS d,
                               CAST(hash(i, 5) % 1000 AS INTEGER) AS e,
                               CAST(hash(i, 6) % 100 AS BIGINT) AS f,
                               TIMESTAMP '2024-01-01' + to_seconds(CAST(hash(i, 7) % 31536000 AS BIGINT)) AS g,
                               'category ' || (hash(i, 8) % 12) AS h,
                               CASE hash(i, 9) % 3 WHEN 0 THEN 'low' WHEN 1 THEN 'mid' ELSE 'high' END AS k,
                               hash(i, 10) % 10 < 3 + SHIFT * 20 AS l
                        FROM range(START, START + ROWS) r(i)""").replace("ROWS", Long.toString(rows))
                        .replace("SHIFT", side[1]).replace("SCALE", side[2]).replace("START", side[3]), side[0]);
            }
            System.out.printf(Locale.ROOT, "rows %,d per side, 10 columns, max heap %,d MB%n", rows,
                    Runtime.getRuntime().maxMemory() >> 20);
            String scan = "SELECT min(a), max(a), min(b), max(b), min(c), max(c), min(d), max(d), min(e), max(e), min(f), max(f), "
                    + "min(g), max(g), min(h), max(h), min(k), max(k), min(l), max(l) FROM ";
            double raw = Measure.median(() -> ws.sql(scan + "reference UNION ALL " + scan + "current", null));
            Drift[] last = new Drift[1];
            double auto = Measure.median(() -> last[0] = ws.dataset("reference").drift(ws.dataset("current")));
            Measure.row("drift, auto (wasserstein / js)", auto, "min and max of every column, both", raw);
            for (String m : new String[] {"psi", "ks"}) {
                String[] numeric = {"a", "b", "c", "d", "e", "f", "g"};
                double t = Measure.median(() -> ws.dataset("reference").drift(ws.dataset("current"), DriftPlan.on(numeric).using(m)));
                Measure.row("drift, " + m + " on the 7 numeric columns", t, "min and max of every column, both", raw);
            }
            System.out.printf(Locale.ROOT, "drifted columns (auto): %d of %d%n", last[0].driftedColumns(), last[0].columns().size());
            System.out.printf(Locale.ROOT, "peak heap used %,d MB%n", Measure.peakHeapBytes() >> 20);
        }
    }
}
