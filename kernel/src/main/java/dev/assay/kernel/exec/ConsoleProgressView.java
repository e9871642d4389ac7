package dev.assay.kernel.exec;

import dev.assay.viz.ProgressBar;
import java.io.PrintStream;

/**
 * The bar on a console stream (stderr of {@code assay run}). On a terminal it is redrawn in
 * place with a carriage return; in a log file (CI) a line every few seconds is enough and
 * keeps the log readable.
 */
final class ConsoleProgressView implements ProgressView {

    private static final long LOG_LINE_NANOS = 5_000_000_000L;

    private final PrintStream stream;
    private final boolean terminal;
    private int drawnWidth;
    private long lastLine;

    ConsoleProgressView(PrintStream stream, boolean terminal) {
        this.stream = stream;
        this.terminal = terminal;
    }

    @Override
    public synchronized void show(ProgressBar bar) {
        lastLine = System.nanoTime();
        draw(bar);
    }

    @Override
    public synchronized void update(ProgressBar bar) {
        if (terminal) {
            draw(bar);
        } else if (System.nanoTime() - lastLine >= LOG_LINE_NANOS) {
            lastLine = System.nanoTime();
            draw(bar);
        }
    }

    @Override
    public synchronized void finish(ProgressBar bar) {
        draw(bar);
        if (terminal) {
            stream.println();
        }
        stream.flush();
    }

    private void draw(ProgressBar bar) {
        String text = "  " + bar.text();
        if (terminal) {
            // Blank out what is left of a longer previous line.
            stream.print("\r" + text + " ".repeat(Math.max(0, drawnWidth - text.length())));
            drawnWidth = text.length();
        } else {
            stream.println(text);
        }
        stream.flush();
    }
}
