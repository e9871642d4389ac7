package dev.assay.dsl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.assay.dsl.functions.CDoubleFormat;
import dev.assay.dsl.functions.TextNormalizer;
import dev.assay.dsl.workspace.Workspace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java definitions are callable from DuckDB's SQL as assay_* functions, NULL in, NULL out. */
class DuckDbJavaFunctionsTest {

    @Test
    void everyConnectionCallsTheJavaDefinitions() {
        try (Workspace ws = Workspace.embedded()) {
            List<List<Object>> rows = ws.engine().smallResult("SELECT assay_g17(x), assay_normalize(s), assay_lower(s) FROM "
                    + "(VALUES (0.1, '  İSTANBUL,  ΟΔΟΣ! '), (-1e300, 'a\u2028b'), (NULL, NULL)) t(x, s) ORDER BY x NULLS LAST");
            assertEquals(List.of(CDoubleFormat.g17(-1e300), TextNormalizer.normalize("a\u2028b"), TextNormalizer.lower("a\u2028b")),
                    rows.get(0));
            assertEquals(List.of(CDoubleFormat.g17(0.1), TextNormalizer.normalize("  İSTANBUL,  ΟΔΟΣ! "),
                    TextNormalizer.lower("  İSTANBUL,  ΟΔΟΣ! ")), rows.get(1));
            assertNull(rows.get(2).get(0));
            assertNull(rows.get(2).get(1));
            // Side connections (smallResults) share the database's catalog.
            List<List<List<Object>>> side = ws.engine().smallResults(List.of("SELECT assay_g17(0.5)", "SELECT assay_lower('Σ')"));
            assertEquals("0.5", side.get(0).get(0).get(0));
            assertEquals("σ", side.get(1).get(0).get(0));
        }
    }
}
