package dev.assay.dsl.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assay.dsl.workspace.Workspace;
import org.junit.jupiter.api.Test;

/** A FLOAT (not DOUBLE) column holding an infinity: the duplicate-column signature failed on it. */
class FloatInfinityProfileTest {

    @Test
    void aFloatColumnWithInfinityIsProfiled() {
        try (Workspace ws = Workspace.embedded()) {
            ws.sql("SELECT * FROM (VALUES (0.1::FLOAT, 1), ('inf'::FLOAT, 2), (NULL, 3)) t(f, i)", "t");
            ColumnProfile f = ws.dataset("t").profile().columns().get(0);
            assertEquals(2, f.count());
            assertEquals(1, f.numbers().infinite());
        }
    }
}
