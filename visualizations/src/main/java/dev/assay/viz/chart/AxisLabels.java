package dev.assay.viz.chart;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Tick labels people read at a glance: short numbers, dates at the resolution the range needs, cut category names. */
final class AxisLabels {

    /** Longer category names are cut with an ellipsis; the whole name stays in the JSON and the tables. */
    static final int MAX_LABEL = 16;

    private AxisLabels() {
    }

    /** A number in at most 4 significant digits, with k / M / G for large magnitudes. */
    static String number(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) {
            return trim(String.format(Locale.ROOT, "%.3g", v / 1e9)) + "G";
        }
        if (a >= 1e6) {
            return trim(String.format(Locale.ROOT, "%.3g", v / 1e6)) + "M";
        }
        if (a >= 1e4) {
            return trim(String.format(Locale.ROOT, "%.3g", v / 1e3)) + "k";
        }
        if (a != 0 && a < 1e-3) {
            return String.format(Locale.ROOT, "%.1e", v);
        }
        return trim(String.format(Locale.ROOT, "%.4g", v));
    }

    /**
     * A value that names a bar (a few-valued number): whole numbers in full, others in their
     * shortest form when it is short, else as {@link #number}.
     */
    static String value(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String shortest = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        return shortest.length() <= 10 ? shortest : number(v);
    }

    private static String trim(String s) {
        return s.contains(".") && !s.contains("e") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /**
     * A bin's start in microseconds since 1970 (UTC), as precise as the bin width needs:
     * a date for bins of a day or more, minutes for bins of a minute or more, else seconds.
     */
    static String time(double micros, double binWidthMicros) {
        Instant t = Instant.ofEpochSecond(0, (long) (micros * 1000));
        String pattern = binWidthMicros >= 86_400e6 ? "yyyy-MM-dd" : binWidthMicros >= 60e6 ? "MM-dd HH:mm" : "MM-dd HH:mm:ss";
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(ZoneOffset.UTC).format(t);
    }

    /** A column name for a chart title: one line, cut at the end when longer than 28 characters. */
    static String title(String name) {
        String oneLine = name.replace('\n', ' ').replace('\r', ' ');
        int[] cps = oneLine.codePoints().toArray();
        return cps.length <= 28 ? oneLine : new String(cps, 0, 27) + "…";
    }

    /** A category name on one line, cut in the middle when long: names often differ at their end ("... North"). */
    static String category(String label) {
        if (label == null) {
            return "(other)";
        }
        String oneLine = label.replace('\n', ' ').replace('\r', ' ');
        int[] cps = oneLine.codePoints().toArray();
        if (cps.length <= MAX_LABEL) {
            return oneLine;
        }
        int head = (MAX_LABEL - 1) / 2 + 1;
        int tail = MAX_LABEL - 1 - head;
        return new String(cps, 0, head) + "…" + new String(cps, cps.length - tail, tail);
    }
}
