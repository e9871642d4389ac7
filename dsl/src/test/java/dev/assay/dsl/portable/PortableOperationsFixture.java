package dev.assay.dsl.portable;

import dev.assay.dsl.duplicates.ResolvedMatch;
import dev.assay.dsl.engine.Column;
import dev.assay.dsl.sample.SamplePlan;
import dev.assay.dsl.split.SplitPlan;
import dev.assay.dsl.workspace.Workspace;
import java.util.List;

/**
 * The small data and the operation settings whose SQL is checked for portability: searched for
 * DuckDB-only constructs here ({@link DuplicatesPortableSqlTest}) and replayed on Spark in the
 * spark module (ReplayOnSparkTest, through this module's test jar), so both check the same runs.
 */
public final class PortableOperationsFixture {

    private PortableOperationsFixture() {
    }

    /** Matches of the text column: exact (with the label), normalized, and near (MinHash). */
    public record Matches(ResolvedMatch exact, ResolvedMatch normalized, ResolvedMatch near) {

        public List<ResolvedMatch> all() {
            return List.of(exact, normalized, near);
        }
    }

    /** Makes {@code msgs} (40 rows with repeated texts, NULLs, labels, groups, times), {@code evens} and view {@code msgs_view}. */
    public static void makeMessages(Workspace ws) {
        ws.query("SELECT i AS id, CASE WHEN i % 7 = 0 THEN NULL ELSE 'Message ' || (i % 5) || CASE WHEN i % 2 = 0 "
                + "THEN ' again' ELSE '' END END AS text, CASE WHEN i % 3 = 0 THEN 'spam' ELSE 'ham' END AS label, "
                + "i % 4 AS grp, TIMESTAMP '2026-01-01' + INTERVAL (i) HOUR AS ts FROM range(40) r(i)", "msgs");
        ws.query("SELECT * FROM msgs WHERE id % 2 = 0", "evens");
        ws.engine().run("CREATE VIEW msgs_view AS SELECT * FROM msgs", null, 0);
    }

    /** The matches of {@code msgs}, whose columns are {@code columns}. */
    public static Matches matches(List<Column> columns) {
        Column text = columns.get(1);
        return new Matches(new ResolvedMatch(List.of(text, columns.get(2)), false, null, null),
                new ResolvedMatch(List.of(text), true, null, null), new ResolvedMatch(List.of(text), true, text, 0.5));
    }

    /** One split of each kind: hash, stratified, group, exact and time. */
    public static List<SplitPlan> splitPlans() {
        return List.of(SplitPlan.into("a", "b").percent(70, 30).seed(3).build(),
                SplitPlan.into("a", "b", "c").percent(50, 25.5, 24.5).stratify("label").build(),
                SplitPlan.into("a", "b").percent(80, 20).group("grp").build(),
                SplitPlan.into("a", "b").percent(80, 20).exact().build(),
                SplitPlan.into("a", "b").percent(80, 20).orderBy("ts").build());
    }

    public static List<SamplePlan> samplePlans() {
        return List.of(SamplePlan.percent(30).seed(1), SamplePlan.rows(5), SamplePlan.percent(100));
    }
}
