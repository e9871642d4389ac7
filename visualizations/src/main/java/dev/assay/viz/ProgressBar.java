package dev.assay.viz;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * How far a long operation is: what runs, the percent done when the engine can tell (else an
 * indeterminate bar), and the time so far; once over, how long it took or that it stopped.
 * Shown as an HTML {@code <progress>} in notebooks and as a text bar in consoles and logs.
 */
public record ProgressBar(String what, OptionalDouble percent, Duration elapsed, State state) implements Displayable {

    public enum State { RUNNING, DONE, STOPPED }

    private static final int TEXT_WIDTH = 24;

    public static ProgressBar running(String what, OptionalDouble percent, Duration elapsed) {
        return new ProgressBar(what, percent, elapsed, State.RUNNING);
    }

    public static ProgressBar over(String what, Duration elapsed, boolean succeeded) {
        return new ProgressBar(what, succeeded ? OptionalDouble.of(100) : OptionalDouble.empty(), elapsed,
                succeeded ? State.DONE : State.STOPPED);
    }

    /** "profile spam  [#########---------------]  38%  2.1 s", or "profile spam: done in 3.4 s". */
    public String text() {
        return switch (state) {
            case DONE -> what + ": done in " + seconds(elapsed);
            case STOPPED -> what + ": stopped after " + seconds(elapsed);
            case RUNNING -> {
                int filled = (int) Math.round(percent.orElse(0) / 100 * TEXT_WIDTH);
                yield what + "  [" + "#".repeat(filled) + "-".repeat(TEXT_WIDTH - filled) + "]  "
                        + (percent.isPresent() ? whole(percent.getAsDouble()) + "%  " : "") + seconds(elapsed);
            }
        };
    }

    @Override
    public MimeBundle toMimeBundle() {
        String status = switch (state) {
            case DONE -> "done in " + seconds(elapsed);
            case STOPPED -> "stopped after " + seconds(elapsed);
            case RUNNING -> (percent.isPresent() ? whole(percent.getAsDouble()) + "% \u00b7 " : "") + seconds(elapsed);
        };
        // No value attribute: the browser draws an indeterminate bar when the percent is unknown.
        String value = percent.isPresent() ? " value=\"" + whole(percent.getAsDouble()) + "\"" : "";
        String html = "<div class=\"assay-progress " + state.name().toLowerCase(Locale.ROOT)
                + "\" style=\"display:flex;align-items:center;gap:.6em;font-size:.9em\">"
                + "<progress max=\"100\"" + value + " style=\"width:14em\"></progress>"
                + "<span>" + Html.escape(what) + " \u00b7 " + status + "</span></div>";
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(MimeBundle.TEXT_PLAIN, text());
        data.put(MimeBundle.TEXT_HTML, html);
        return new MimeBundle(data, Map.of());
    }

    private static String whole(double percent) {
        return Integer.toString((int) Math.floor(percent));
    }

    /** "0.8 s", "42.0 s", "3 min 07 s". */
    static String seconds(Duration d) {
        long millis = d.toMillis();
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long s = millis / 1000;
        return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
}
