import dev.assay.dsl.duplicates.Duplicates;
import dev.assay.dsl.duplicates.Match;
import dev.assay.dsl.split.SplitPlan;
import dev.assay.dsl.workspace.Workspace;
import java.util.Locale;

/**
 * duplicates, dedup, near duplicates and split against the raw SQL that does the same
 * counting, on the same generated table in the same process:
 *
 *   bench/run DuplicatesBench [ROWS]
 *
 * Each row has a text of 15 words (about 90 characters) drawn by MD5 of its row number; every
 * 20th row copies the previous row's text with one word changed (a planted near duplicate,
 * Jaccard about 0.8) and every 50th repeats an earlier text exactly. Each figure is the
 * median of three runs after one warm-up run.
 */
public class DuplicatesBench {

    public static void main(String[] args) {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000L;
        try (Workspace ws = Workspace.embedded()) {
            ws.query("""
                    WITH base AS (SELECT range AS i, array_to_string(list_transform(range(15),
                             lambda k: 'w' || (('0x' || left(md5(range || '-' || k), 6))::INTEGER % 20000)), ' ') AS text FROM range(ROWS))
                    SELECT i AS id, 'label' || (i % 3) AS label,
                           CASE WHEN i % 20 = 19 THEN (SELECT regexp_replace(b.text, '^w[0-9]+', 'changed') FROM base b WHERE b.i = base.i - 1)
                                WHEN i % 50 = 7 THEN (SELECT b.text FROM base b WHERE b.i = base.i / 2)
                                ELSE text END AS text
                    FROM base ORDER BY i""".replace("ROWS", Long.toString(rows)), "generated");
            var data = ws.dataset("generated");
            System.out.printf(Locale.ROOT, "rows %,d, max heap %,d MB%n", data.count(), Runtime.getRuntime().maxMemory() >> 20);

            double raw = Measure.median(() -> ws.sql("SELECT count(*) - count(DISTINCT text) FROM generated", null));
            double exact = Measure.median(() -> data.duplicates(Match.on("text")));
            Measure.row("exact duplicates on text", exact, "count(*) - count(DISTINCT text)", raw);

            double distinct = Measure.median(() -> ws.sql("CREATE OR REPLACE TABLE d0 AS SELECT DISTINCT * FROM generated", null));
            double dedup = Measure.median(() -> data.dedup("d1"));
            Measure.row("dedup (whole rows, first kept, in order)", dedup, "SELECT DISTINCT *", distinct);

            double hash = Measure.median(() -> ws.sql("CREATE OR REPLACE TABLE h0 AS SELECT *, left(sha256('x' || id), 16) < '8' "
                    + "AS part FROM generated", null));
            double split = Measure.median(() -> data.split(SplitPlan.into("a", "b").percent(80, 20).by("id").build()));
            Measure.row("split 80/20 by id (two tables)", split, "one table with a SHA-256 part column", hash);

            long t = System.nanoTime();
            Duplicates near = data.duplicates(Match.on("text").near(0.7));
            double nearSeconds = (System.nanoTime() - t) / 1e9;
            data.dedup("near_clean", Match.on("text").near(0.7));
            long planted = ((Number) ws.engine().smallResult("SELECT count(*) FROM generated WHERE id % 20 = 19")
                    .get(0).get(0)).longValue();
            long caught = ((Number) ws.engine().smallResult("SELECT count(*) FROM generated WHERE id % 20 = 19 AND id NOT IN "
                    + "(SELECT id FROM near_clean)").get(0).get(0)).longValue();
            System.out.printf(Locale.ROOT, "near duplicates 0.7   %.1f s, %,.0f rows/s, %,d clusters, recall on planted pairs %.4f%n",
                    nearSeconds, rows / nearSeconds, near.near().clusters(), (double) caught / planted);
            System.out.printf(Locale.ROOT, "peak heap used        %,d MB%n", Measure.peakHeapBytes() >> 20);
        }
    }
}
