package dev.assay.dsl.split;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assay.dsl.engine.WideTables;
import dev.assay.dsl.workspace.Workspace;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A whole-row split of a table wider than DuckDB's expression depth (issue 21): the key once
 * chained every column with '||', one nesting level per column, and failed. Each row must
 * still land where the Java twin of the key puts it.
 */
class SplitWideTest {

    @Test
    void everyRowLandsWhereTheJavaTwinPutsIt() {
        try (Workspace ws = Workspace.embedded()) {
            ws.sql(WideTables.query(30, 2), "wide");
            List<BigDecimal> shares = List.of(BigDecimal.valueOf(60), BigDecimal.valueOf(40));
            SplitResult r = ws.dataset("wide").split(SplitPlan.into("a", "b").percent(60, 40).seed(3).build());
            assertEquals(30, r.rows());
            List<String> columns = ws.engine().schema("wide").stream().map(c -> c.name()).toList();
            for (String part : List.of("a", "b")) {
                // Every value as its canonical text (the engine's VARCHAR cast), NULL as null, in column order.
                String texts = String.join(", ", columns.stream().map(c -> "CAST(\"" + c + "\" AS VARCHAR)").toList());
                for (List<Object> row : ws.engine().smallResult("SELECT [" + texts + "] AS v FROM " + part)) {
                    List<String> values = new ArrayList<>();
                    for (Object v : (List<?>) row.get(0)) {
                        values.add(v == null ? null : v.toString());
                    }
                    int expected = SplitKey.part(SplitKey.hex16(3, values), shares);
                    assertEquals(part, expected == 0 ? "a" : "b", "row " + values.get(0));
                }
            }
        }
    }
}
