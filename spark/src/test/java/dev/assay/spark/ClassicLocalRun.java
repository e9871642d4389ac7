package dev.assay.spark;

import dev.assay.dsl.engine.ArrowHandOver;
import dev.assay.dsl.engine.DuckDbEngineProvider;
import dev.assay.dsl.engine.EngineSettings;
import dev.assay.dsl.engine.SqlEngine;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a JVM of its own by {@link ClassicLocalSessionTest}: opens {@code use spark 'local[2]'}
 * (a classic session in this JVM) and DuckDB, runs the same statements on both and prints
 * {@code same N} or each difference; exits 1 on a difference.
 */
public final class ClassicLocalRun {

    private static final List<String> QUERIES = List.of(
            "SELECT count(*), sum(id), count(DISTINCT text), min(x), max(x) FROM t",
            "SELECT grp, count(*) AS n, sum(id) AS ids FROM t GROUP BY grp ORDER BY grp",
            "SELECT assay_g17(x), assay_lower(text) FROM t WHERE id = 5");

    private ClassicLocalRun() {
    }

    public static void main(String[] args) {
        EngineSettings settings = EngineSettings.fromEnvironment();
        List<String> differences = new ArrayList<>();
        try (SqlEngine spark = new SparkEngineProvider().open("local[2]", settings);
                SqlEngine duck = new DuckDbEngineProvider().open(settings)) {
            duck.run("SELECT i AS id, i % 7 AS grp, 'Ab ' || (i % 13) AS text, CAST(i AS DOUBLE) / 3 AS x "
                    + "FROM range(1000) r(i)", "t", 0);
            spark.createTable("t", allocator -> ArrowHandOver.of(duck.arrowBatches("t", 100), allocator));
            compare("schema", String.valueOf(duck.schema("t")), String.valueOf(spark.schema("t")), differences);
            for (String query : QUERIES) {
                compare(query, String.valueOf(duck.smallResult(query)), String.valueOf(spark.smallResult(query)), differences);
            }
            compare("relations", "[t]", String.valueOf(spark.relations()), differences);
            System.out.println("session " + spark.smallResult("SELECT current_database()"));
        }
        differences.forEach(System.out::println);
        System.out.println(differences.isEmpty() ? "same " + (QUERIES.size() + 2) : "different " + differences.size());
        System.exit(differences.isEmpty() ? 0 : 1);
    }

    private static void compare(String what, String duck, String spark, List<String> differences) {
        if (!duck.equals(spark)) {
            differences.add(what + ": DuckDB " + duck + ", Spark " + spark);
        }
    }
}
