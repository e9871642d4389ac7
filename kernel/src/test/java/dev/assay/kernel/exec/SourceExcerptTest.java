package dev.assay.kernel.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SourceExcerptTest {

    @Test
    void shortLinesAreShownWhole() {
        SourceExcerpt e = SourceExcerpt.around("int x = \"a\";", 9);
        assertEquals("int x = \"a\";", e.text());
        assertEquals(8, e.caretOffset());
    }

    @Test
    void longLinesShowAWindowWithTheCaretOnTheSameCharacter() {
        String line = "a".repeat(1000) + "X" + "b".repeat(1000);
        SourceExcerpt e = SourceExcerpt.around(line, 1001);
        assertEquals(SourceExcerpt.WIDTH + 2, e.text().length());
        assertEquals('X', e.text().charAt(e.caretOffset()));
        assertEquals('…', e.text().charAt(0));
    }

    @Test
    void windowAtTheStartHasNoLeadingEllipsis() {
        SourceExcerpt e = SourceExcerpt.around("Y" + "c".repeat(500), 1);
        assertEquals('Y', e.text().charAt(e.caretOffset()));
        assertEquals(0, e.caretOffset());
        assertEquals(SourceExcerpt.WIDTH + 1, e.text().length());
    }
}
