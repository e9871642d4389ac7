package dev.assay.dsl.split;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * How far the parts of a hash split may stray from their shares. Each row falls in a part by
 * its own hash, so a part of share p of n rows holds Binomial(n, p) rows: its share has a
 * standard deviation of sqrt(p (1 - p) / n), and about 95% of seeds land within two of them.
 */
final class SplitSpread {

    private SplitSpread() {
    }

    /** The note a hash split's result carries: the expected spread of the first part, and how to get exact sizes. */
    static String note(long rows, List<BigDecimal> percentages) {
        double p = percentages.get(0).doubleValue() / 100;
        double sd = rows == 0 ? 0 : Math.sqrt(p * (1 - p) / rows) * 100;
        return String.format(Locale.ROOT, "Each row goes to a part by its own hash, so part sizes vary with the seed: "
                + "with %,d rows the first part's share is %s%% ± %.1f points (one standard deviation; 95%% of seeds "
                + "within ± %.1f). Add 'exact' for exactly these shares (then new rows can move old ones).",
                rows, percentages.get(0).stripTrailingZeros().toPlainString(), sd, 2 * sd);
    }
}
