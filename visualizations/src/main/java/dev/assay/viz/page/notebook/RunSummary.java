package dev.assay.viz.page.notebook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The page's header line about the run, read from the notebook itself so that any executed
 * notebook gets one: the first error marks the failed cell, code cells with something to run
 * and no count did not run, and the cells' {@code metadata.execution} times give when the run
 * started and how long it took.
 *
 * @param started  when the first cell started (UTC), or null
 * @param duration from the first cell's start to the last cell's end, or null
 * @param outcome  the result in words when no cell failed
 * @param failure  the failed cell, or null
 * @param notRun   how many code cells did not run, or null for none
 * @param css      {@code pass}, {@code fail} or {@code none}
 */
record RunSummary(String started, String duration, String outcome, Failure failure, Integer notRun, String css) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** The cell that failed: its place in the notebook (as {@code assay run} counts cells), {@code In [n]} and message. */
    record Failure(int number, String anchor, String label, String message) {
    }

    static RunSummary of(List<Cell> cells) {
        Instant first = null;
        Instant last = null;
        int code = 0;
        int ran = 0;
        int notRun = 0;
        Failure failure = null;
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            if (!cell.isCode() || cell.source().isBlank()) {
                continue; // an empty cell is not run, by Jupyter either
            }
            code++;
            if (cell.executionCount() != null) {
                ran++;
            }
            if (cell.notRun()) {
                notRun++;
            }
            if (cell.started() != null && (first == null || cell.started().isBefore(first))) {
                first = cell.started();
            }
            if (cell.ended() != null && (last == null || cell.ended().isAfter(last))) {
                last = cell.ended();
            }
            Output.Error error = cell.error();
            if (failure == null && error != null) {
                failure = new Failure(i + 1, anchor(i), CellView.label(cell), firstLine(error));
            }
        }
        String outcome = code == 0 ? "No code to run"
                : ran == 0 ? "Not executed"
                : ran < code ? ran + " of " + code + " code cells ran"
                : code == 1 ? "The code cell ran" : "All " + code + " code cells ran";
        String css = failure != null ? "fail" : ran == code && code > 0 ? "pass" : "none";
        return new RunSummary(first == null ? null : WHEN.format(first),
                first == null || last == null || last.isBefore(first) ? null : duration(Duration.between(first, last)),
                outcome, failure, notRun == 0 ? null : notRun, css);
    }

    static String anchor(int index) {
        return "cell-" + (index + 1);
    }

    /** {@code 850 ms}, {@code 12.3 s}, {@code 2 min 5 s}. */
    static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = Math.round(ms / 1000.0);
        return s / 60 + " min " + s % 60 + " s";
    }

    private static String firstLine(Output.Error error) {
        String message = error.evalue() == null || error.evalue().isBlank()
                ? error.ename() : error.ename() + ": " + error.evalue().strip();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline) + " …";
    }
}
