package dev.assay.dsl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assay.dsl.profile.ColumnProfile;
import dev.assay.dsl.profile.Profile;
import dev.assay.dsl.workspace.Workspace;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unsigned integers above the signed range read back as their numbers (Arrow's own objects are signed, or a Character). */
class UnsignedValuesTest {

    private static final String TABLE = "SELECT * FROM (VALUES (200::UTINYINT, 65000::USMALLINT, 4000000000::UINTEGER, "
            + "18000000000000000000::UBIGINT), (NULL, 1, 1, 1)) t(a, b, c, d)";

    @Test
    void showGivesTheNumbersWritten() {
        try (Workspace ws = Workspace.embedded()) {
            ws.sql(TABLE, "t");
            assertEquals(List.of(200, 65000, 4000000000L, new BigInteger("18000000000000000000")),
                    ws.dataset("t").show().rows().get(0));
        }
    }

    /** A USMALLINT column made the profile fail (a Character is not a Number); UTINYINT 200 was -56. */
    @Test
    void aProfileOfUnsignedColumnsHasTheirRange() {
        try (Workspace ws = Workspace.embedded()) {
            ws.sql(TABLE, "t");
            Profile profile = ws.dataset("t").profile();
            List<String> maxima = profile.columns().stream().map(ColumnProfile::max).map(String::valueOf).toList();
            assertEquals(List.of("200", "65000", "4000000000", "18000000000000000000"), maxima);
        }
    }
}
