package dev.assay.viz.page.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TerminalTextTest {

    @Test
    void coloursBecomeSpansAndTextIsEscaped() {
        assertEquals("<span class=\"ansi-red ansi-bold\">Error</span> in &lt;b&gt; &amp;",
                TerminalText.toHtml("\u001b[1;31mError\u001b[0m in <b> &"));
        assertEquals("<span class=\"ansi-green\">ok</span> <span class=\"ansi-bg-yellow\">warn</span>",
                TerminalText.toHtml("\u001b[32mok\u001b[39m \u001b[43mwarn\u001b[m"));
    }

    @Test
    void otherSequencesAndControlCharactersAreDropped() {
        // 256-colour and true-colour codes, cursor movement, a window title (OSC), a bell, a lone ESC.
        String shown = TerminalText.toHtml("\u001b[38;5;208ma\u001b[0m\u001b[2K\u001b[1Ab\u001b]0;title\u0007c\u0007d\u001b"
                + "\u001b[48;2;1;2;3me\u001b[0m");
        assertEquals("abcde", shown);
    }

    @Test
    void aCarriageReturnOverwritesTheLine() {
        assertEquals("100%\nnext", TerminalText.toHtml("10%\r50%\r100%\nnext"));
        assertEquals("doneing 50%", TerminalText.toHtml("loading 50%\rdone"), "as a terminal and JupyterLab show it");
        assertEquals("a\nb", TerminalText.toHtml("a\r\nb"));
    }
}
