package dev.assay.dsl.split;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.WideTables;
import dev.assay.dsl.functions.FingerprintFields;
import dev.assay.dsl.workspace.Workspace;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A whole-row split of a table wider than DuckDB's expression depth (issue 21): the key once
 * chained every column with '||', one nesting level per column, and failed. Each row must
 * still land where the Java twin of the key puts it. The table has doubles, so the key is of
 * version 2: each value as its fingerprint field.
 */
class SplitWideTest {

    @Test
    void everyRowLandsWhereTheJavaTwinPutsIt() {
        try (Workspace ws = Workspace.embedded()) {
            ws.sql(WideTables.query(30, 2), "wide");
            List<BigDecimal> shares = List.of(BigDecimal.valueOf(60), BigDecimal.valueOf(40));
            SplitResult r = ws.dataset("wide").split(SplitPlan.into("a", "b").percent(60, 40).seed(3).build());
            assertEquals(30, r.rows());
            assertEquals(2, r.keyVersion());
            List<Column> columns = ws.engine().schema("wide");
            for (String part : List.of("a", "b")) {
                // Every value as its VARCHAR cast (which reads back as the same double), NULL as null.
                String texts = String.join(", ", columns.stream().map(c -> "CAST(\"" + c.name() + "\" AS VARCHAR)").toList());
                for (List<Object> row : ws.engine().smallResult("SELECT [" + texts + "] AS v FROM " + part)) {
                    List<String> values = new ArrayList<>();
                    List<?> cells = (List<?>) row.get(0);
                    for (int i = 0; i < columns.size(); i++) {
                        Object v = cells.get(i);
                        String type = columns.get(i).type();
                        values.add(v == null ? null : type.equals("DOUBLE") ? FingerprintFields.floating(Double.parseDouble(
                                v.toString())) : type.equals("VARCHAR") ? FingerprintFields.text(v.toString()) : v.toString());
                    }
                    int expected = SplitKey.part(SplitKey.hex16(2, 3, values), shares);
                    assertEquals(part, expected == 0 ? "a" : "b", "row " + values.get(0));
                }
            }
        }
    }
}
