package dev.assay.dsl.portable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.duplicates.Deduplicator;
import dev.assay.dsl.duplicates.DuplicateFinder;
import dev.assay.dsl.duplicates.LeakageFinder;
import dev.assay.dsl.duplicates.ResolvedMatch;
import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.OrderedSource;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.sample.SamplePlan;
import dev.assay.dsl.sample.Sampler;
import dev.assay.dsl.split.SplitPlan;
import dev.assay.dsl.split.Splitter;
import dev.assay.dsl.workspace.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The SQL that duplicates, dedup, leakage, split and sample write themselves (outside what
 * they ask {@link dev.assay.dsl.engine.SqlDialect} for) must run on Spark SQL as on DuckDB:
 * each operation runs here on DuckDB through {@link RecordingEngine}, and what it wrote is
 * searched for constructs only DuckDB knows (docs/spark.md lists them).
 */
class DuplicatesPortableSqlTest {

    /** DuckDB-only constructs, each with what to write instead. */
    private static final Map<String, Pattern> DUCKDB_ONLY = new LinkedHashMap<>();

    static {
        forbid("QUALIFY (a window and WHERE in an outer query)", "\\bQUALIFY\\b");
        forbid(":: casts (CAST(x AS T))", "::");
        forbid("// (integer division: multiply instead, or divide in Java)", "//");
        forbid("division (exact integers in SQL, the division in Java)", "/");
        forbid("CREATE TABLE (SqlEngine.materialize)", "\\bCREATE\\b");
        forbid("unnest", "\\bunnest\\s*\\(");
        forbid("range(n)", "\\brange\\s*\\(");
        forbid("list or struct literals (SqlDialect.listLiteral, struct)", "[\\[\\]{}]");
        forbid("max_by/min_by (3 arguments in DuckDB only: ORDER BY ... LIMIT)", "\\b(max|min)_by\\s*\\(");
        forbid("GROUP BY ALL or by position (name the expressions)", "\\bGROUP\\s+BY\\s+(ALL\\b|\\d)");
        forbid("ORDER BY position (name the expressions)", "\\bORDER\\s+BY\\s+\\d");
        forbid("hash() (not stable; SqlDialect.sha256Hex)", "\\bhash\\s*\\(");
        forbid("HUGEINT (SqlDialect.castWideInteger)", "\\bU?HUGEINT\\b");
        forbid("rowid (SqlDialect.rowOrdinal)", "\\browid\\b");
        forbid("DuckDB list and string aggregates", "\\b(list|string_agg|array_agg|struct_pack|list_\\w+)\\s*\\(");
        forbid("NOT MATERIALIZED (SqlDialect.inlinedCte)", "\\bMATERIALIZED\\b");
        forbid("an identifier quoted by hand (SqlDialect.quoteIdentifier)", "\"");
        forbid("row_number() OVER () (SqlDialect.scanPosition: Spark needs an order)", "OVER\\s*\\(\\s*\\)\\s*-");
    }

    private static void forbid(String what, String regex) {
        DUCKDB_ONLY.put(what, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
    }

    @Test
    void operationsWriteOnlySqlBothEnginesRun() {
        try (Workspace ws = Workspace.embedded()) {
            PortableOperationsFixture.makeMessages(ws);
            RecordingEngine recording = new RecordingEngine(ws.engine());
            SqlEngine engine = recording.engine();
            List<Column> columns = engine.schema("msgs");
            List<String> names = columns.stream().map(Column::name).toList();
            PortableOperationsFixture.Matches matches = PortableOperationsFixture.matches(columns);
            for (String source : List.of("msgs", "msgs_view")) {
                for (ResolvedMatch match : matches.all()) {
                    assertTrue(new DuplicateFinder(engine).find(source, match).duplicateRows() > 0);
                    new Deduplicator(engine).dedup(source, match, "deduped");
                    assertTrue(new LeakageFinder(engine).find(source, "evens", match).exactOverlapRows() > 0);
                }
                for (SplitPlan plan : PortableOperationsFixture.splitPlans()) {
                    assertEquals(40, new Splitter(engine).split(source, plan, names, "label").parts().stream()
                            .mapToLong(p -> p.rows()).sum());
                }
                for (SamplePlan plan : PortableOperationsFixture.samplePlans()) {
                    new Sampler(engine).sample(source, "sampled", plan, names);
                }
                try (OrderedSource numbered = OrderedSource.of(engine, source, columns.subList(0, 2))) {
                    engine.smallResult("SELECT " + numbered.ordinal() + " FROM " + numbered.table());
                }
            }
            // The operations replacing their own source: the source is copied first.
            new Deduplicator(engine).dedup("evens", matches.exact(), "evens");
            new Sampler(engine).sample("evens", "evens", SamplePlan.rows(3), names);

            List<String> statements = recording.take();
            assertTrue(statements.size() > 50, "recorded " + statements.size() + " statements");
            List<String> found = new ArrayList<>();
            for (String statement : statements) {
                String own = PortableSql.withoutDialect(statement);
                assertFalse(own.contains(RecordingEngine.OPEN) || own.contains(RecordingEngine.CLOSE), own);
                DUCKDB_ONLY.forEach((what, pattern) -> {
                    if (pattern.matcher(own).find()) {
                        found.add(what + " in: " + own);
                    }
                });
            }
            assertEquals(List.of(), found);
        }
    }
}
