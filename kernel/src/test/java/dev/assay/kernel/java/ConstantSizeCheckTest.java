package dev.assay.kernel.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConstantSizeCheckTest {

    @Test
    void findsAStringLiteralOverTheLimitAndWhereItStarts() {
        String code = "int a = 1;\nString s = \"" + "y".repeat(70_000) + "\";";
        ConstantSizeCheck.Oversized o = ConstantSizeCheck.find(code).orElseThrow();
        assertEquals(code.indexOf('"'), o.offset());
        assertEquals(70_000, o.bytes());
    }

    @Test
    void countsModifiedUtf8BytesNotCharacters() {
        assertTrue(ConstantSizeCheck.find("\"" + "\u00e9".repeat(40_000) + "\"").isPresent(), "2 bytes each");
        assertTrue(ConstantSizeCheck.find("\"" + "a".repeat(60_000) + "\"").isEmpty());
    }

    @Test
    void escapesAreCountedDecoded() {
        // 30,000 "\n" escapes are 60,000 source characters but 30,000 bytes.
        assertTrue(ConstantSizeCheck.find("\"" + "\\n".repeat(30_000) + "\"").isEmpty());
        assertTrue(ConstantSizeCheck.find("\"" + "\\n".repeat(70_000) + "\"").isPresent());
    }

    @Test
    void textBlocksAreChecked() {
        assertTrue(ConstantSizeCheck.find("String t = \"\"\"\n" + "z".repeat(70_000) + "\n\"\"\";").isPresent());
        assertTrue(ConstantSizeCheck.find("String t = \"\"\"\n" + "z".repeat(100) + "\n\"\"\";").isEmpty());
    }

    @Test
    void commentsAndCharLiteralsAreNotStrings() {
        assertTrue(ConstantSizeCheck.find("// \"" + "c".repeat(70_000) + "\"\nint x = 1;").isEmpty());
        assertTrue(ConstantSizeCheck.find("/* \"" + "c".repeat(70_000) + "\" */ char q = '\"';").isEmpty());
        assertTrue(ConstantSizeCheck.find("char q = '\"'; String s = \"ok\";").isEmpty());
    }
}
