package dev.assay.viz.page.notebook;

import dev.assay.viz.Html;
import java.util.ArrayList;
import java.util.List;

/**
 * Text written for a terminal (tracebacks, streams) as escaped HTML: ANSI colour and bold
 * codes become spans with {@code ansi-*} classes, other escape sequences and control
 * characters are dropped (a page must never hold a raw ESC), and a carriage return lets the
 * rest of the line overwrite its start, as a progress line does in a terminal.
 */
final class TerminalText {

    private static final String[] COLOURS = {"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"};
    private static final char ESC = '\u001b';

    private TerminalText() {
    }

    static String toHtml(String text) {
        Style style = new Style();
        StringBuilder html = new StringBuilder();
        StringBuilder run = new StringBuilder();
        String s = overwriteCarriageReturns(text);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ESC) {
                int end = sequenceEnd(s, i);
                if (end > i + 2 && s.charAt(i + 1) == '[' && s.charAt(end - 1) == 'm') {
                    flush(html, run, style);
                    style.apply(s.substring(i + 2, end - 1));
                }
                i = end;
                continue;
            }
            if (c == '\n' || c == '\t' || (c >= ' ' && c != 0x7f && !(c >= 0x80 && c < 0xa0))) {
                run.append(c);
            }
            i++;
        }
        flush(html, run, style);
        return html.toString();
    }

    /** Where the escape sequence starting at {@code start} ends (exclusive): CSI, OSC or a lone two-character one. */
    private static int sequenceEnd(String s, int start) {
        if (start + 1 >= s.length()) {
            return s.length();
        }
        char kind = s.charAt(start + 1);
        if (kind < ' ' || kind > '~') { // a lone ESC: only it goes
            return start + 1;
        }
        if (kind == '[') { // CSI: parameters and intermediates, then one final byte @ to ~
            int i = start + 2;
            while (i < s.length() && (s.charAt(i) < '@' || s.charAt(i) > '~')) {
                i++;
            }
            return Math.min(i + 1, s.length());
        }
        if (kind == ']') { // OSC: up to BEL or ESC backslash
            int i = start + 2;
            while (i < s.length() && s.charAt(i) != '\u0007' && s.charAt(i) != ESC) {
                i++;
            }
            return i < s.length() && s.charAt(i) == ESC ? Math.min(i + 2, s.length()) : Math.min(i + 1, s.length());
        }
        return start + 2;
    }

    /** In each line, text after a lone carriage return is written over the line's start. */
    static String overwriteCarriageReturns(String text) {
        if (text.indexOf('\r') < 0) {
            return text;
        }
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        List<String> out = new ArrayList<>(lines.length);
        for (String line : lines) {
            StringBuilder shown = new StringBuilder();
            for (String part : line.split("\r", -1)) {
                if (part.length() >= shown.length()) {
                    shown.setLength(0);
                    shown.append(part);
                } else {
                    shown.replace(0, part.length(), part);
                }
            }
            out.add(shown.toString());
        }
        return String.join("\n", out);
    }

    private static void flush(StringBuilder html, StringBuilder run, Style style) {
        if (run.length() == 0) {
            return;
        }
        String classes = style.classes();
        if (classes.isEmpty()) {
            html.append(Html.escape(run.toString()));
        } else {
            html.append("<span class=\"").append(classes).append("\">").append(Html.escape(run.toString())).append("</span>");
        }
        run.setLength(0);
    }

    /** The SGR state: foreground and background colour names, bold, italic, underline. */
    private static final class Style {
        private String fg;
        private String bg;
        private boolean bold;
        private boolean italic;
        private boolean underline;

        void apply(String parameters) {
            String[] codes = parameters.isEmpty() ? new String[] {"0"} : parameters.split("[;:]", -1);
            for (int i = 0; i < codes.length; i++) {
                int code;
                try {
                    code = codes[i].isEmpty() ? 0 : Integer.parseInt(codes[i]);
                } catch (NumberFormatException e) {
                    return;
                }
                if (code == 0) {
                    fg = null;
                    bg = null;
                    bold = false;
                    italic = false;
                    underline = false;
                } else if (code == 1) {
                    bold = true;
                } else if (code == 3) {
                    italic = true;
                } else if (code == 4) {
                    underline = true;
                } else if (code == 22) {
                    bold = false;
                } else if (code == 23) {
                    italic = false;
                } else if (code == 24) {
                    underline = false;
                } else if (code >= 30 && code <= 37) {
                    fg = COLOURS[code - 30];
                } else if (code >= 90 && code <= 97) {
                    fg = COLOURS[code - 90];
                } else if (code == 39) {
                    fg = null;
                } else if (code >= 40 && code <= 47) {
                    bg = COLOURS[code - 40];
                } else if (code >= 100 && code <= 107) {
                    bg = COLOURS[code - 100];
                } else if (code == 49) {
                    bg = null;
                } else if (code == 38 || code == 48) {
                    // 256-colour (5;n) and true-colour (2;r;g;b) codes: skipped, the text keeps the page's colour.
                    i += i + 1 < codes.length && codes[i + 1].equals("5") ? 2 : 4;
                }
            }
        }

        String classes() {
            List<String> names = new ArrayList<>();
            if (fg != null) {
                names.add("ansi-" + fg);
            }
            if (bg != null) {
                names.add("ansi-bg-" + bg);
            }
            if (bold) {
                names.add("ansi-bold");
            }
            if (italic) {
                names.add("ansi-italic");
            }
            if (underline) {
                names.add("ansi-underline");
            }
            return String.join(" ", names);
        }
    }
}
