package dev.assay.kernel.java;

/** A cell's text with line and column arithmetic (1-based, as editors show them). */
record CellText(String text) {

    int lineOf(int offset) {
        int line = 1;
        int end = Math.min(offset, text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    int columnOf(int offset) {
        int end = Math.min(offset, text.length());
        int lineStart = text.lastIndexOf('\n', end - 1) + 1;
        return text.codePointCount(lineStart, end) + 1;
    }

    String line(int lineNumber) {
        String[] lines = text.split("\n", -1);
        return lineNumber >= 1 && lineNumber <= lines.length ? lines[lineNumber - 1] : "";
    }
}
