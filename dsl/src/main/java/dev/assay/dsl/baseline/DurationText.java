package dev.assay.dsl.baseline;

import dev.assay.dsl.naming.Suggestions;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Durations as {@code freshness} rules write them: a positive number and a unit, {@code 30 s},
 * {@code 30 min}, {@code 12 h}, {@code 2 days}, {@code 1 week}. Months and years are not units
 * (their length varies). Units are case-insensitive; a misspelt one is refused with the closest.
 */
public final class DurationText {

    /** Every accepted unit and its length in seconds, the short form of each length first. */
    private static final Map<String, Long> UNITS = new LinkedHashMap<>();

    static {
        unit(1, "s", "sec", "secs", "second", "seconds");
        unit(60, "min", "mins", "minute", "minutes");
        unit(3600, "h", "hr", "hrs", "hour", "hours");
        unit(86400, "d", "day", "days");
        unit(604800, "w", "week", "weeks");
    }

    private static void unit(long seconds, String... names) {
        for (String name : names) {
            UNITS.put(name, seconds);
        }
    }

    private DurationText() {
    }

    /** The accepted unit names. */
    public static List<String> units() {
        return List.copyOf(UNITS.keySet());
    }

    /** The unit's length in seconds; an unknown unit is refused with the closest one and the list. */
    public static long unitSeconds(String unit) {
        Long seconds = UNITS.get(unit.toLowerCase(Locale.ROOT));
        if (seconds == null) {
            throw new IllegalArgumentException("unknown unit of time '" + unit + "'" + Suggestions.didYouMean(unit, UNITS.keySet())
                    + "; durations are written like 30 s, 30 min, 12 h, 2 days or 1 week (units: "
                    + String.join(", ", UNITS.keySet()) + ")");
        }
        return seconds;
    }

    /** {@code amount} times the unit's length, in seconds; an amount below or at 0 is refused. */
    public static BigDecimal seconds(BigDecimal amount, String unit) {
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a duration is more than 0, like 12 h; got " + amount.toPlainString());
        }
        return amount.multiply(BigDecimal.valueOf(unitSeconds(unit)));
    }

    /** A Java duration in seconds (fractions of a second kept). */
    public static BigDecimal seconds(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a duration is more than 0, like 12 h; got " + duration);
        }
        return BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9)).stripTrailingZeros();
    }

    /** Seconds in the largest unit that divides them: 43200 is {@code 12 h}, 172800 {@code 2 days}, 90 {@code 90 s}. */
    public static String text(BigDecimal seconds) {
        for (long length : new long[] {604800, 86400, 3600, 60}) {
            BigDecimal[] split = seconds.divideAndRemainder(BigDecimal.valueOf(length));
            if (split[1].signum() == 0 && split[0].signum() > 0) {
                return split[0].toBigInteger() + " " + shortName(length, split[0].compareTo(BigDecimal.ONE) == 0);
            }
        }
        return seconds.stripTrailingZeros().toPlainString() + " s";
    }

    /** {@code h} and {@code min} as short as they read well; days and weeks spelled out. */
    private static String shortName(long length, boolean one) {
        if (length >= 86400) {
            String name = length == 86400 ? "day" : "week";
            return one ? name : name + "s";
        }
        return length == 3600 ? "h" : "min";
    }
}
