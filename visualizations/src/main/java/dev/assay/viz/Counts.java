package dev.assay.viz;

import java.util.Locale;

/** Counts and shares as every result prints them: "12,345" and "7.2%". */
public final class Counts {

    private Counts() {
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code part} as a percentage of {@code whole}, one decimal; "0%" of nothing. */
    public static String percent(long part, long whole) {
        return whole == 0 ? "0%" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }
}
