package dev.assay.kernel.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What a console's Enter does in a magic cell: run it, or open the next line. */
class MagicCellCompletenessTest {

    private static void assertStatus(String expected, String code) {
        assertEquals(expected, MagicCellCompleteness.of(code), () -> "is_complete of " + code.replace("\n", "\\n"));
    }

    @Test
    void aCellMagicIsCompleteOnlyAfterAnEmptyLine() {
        for (String magic : new String[] {"%%assay", "%%sql", "%%sql t", "%%time", "  %%assay"}) {
            assertStatus("incomplete", magic);
            assertStatus("incomplete", magic + "\nshow t");
            assertStatus("complete", magic + "\nshow t\n");
            assertStatus("complete", magic + "\nshow t\n   ");
            assertStatus("complete", magic + "\n");
        }
    }

    @Test
    void anAssayLineEndingInACommaGoesOnPastEmptyLines() {
        assertStatus("incomplete", "%%assay\ncheck t: rows > 1,\n");
        assertStatus("incomplete", "%%assay\ncheck t: rows > 1,\n\n");
        assertStatus("complete", "%%assay\ncheck t: rows > 1,\n  max(n) < 5\n");
        assertStatus("complete", "%%assay\nshow t  # not a list, \n");
    }

    @Test
    void aLineMagicRunsAsWritten() {
        assertStatus("complete", "%classpath");
        assertStatus("complete", "%maven org.example:x:1");
    }
}
