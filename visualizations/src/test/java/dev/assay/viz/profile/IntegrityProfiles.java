package dev.assay.viz.profile;

import dev.assay.dsl.profile.ColumnKind;
import dev.assay.dsl.profile.ColumnPair;
import dev.assay.dsl.profile.ColumnProfile;
import dev.assay.dsl.profile.Finding;
import dev.assay.dsl.profile.Histogram;
import dev.assay.dsl.profile.LengthStats;
import dev.assay.dsl.profile.NumberIntegrity;
import dev.assay.dsl.profile.Outliers;
import dev.assay.dsl.profile.Profile;
import dev.assay.dsl.profile.TextIntegrity;
import dev.assay.dsl.profile.TokenCount;
import dev.assay.dsl.profile.ValueCount;
import dev.assay.dsl.profile.WordStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A profile of 1,000 rows filled by hand with plausible integrity fields (the computations
 * are others' work): {@code price} with outliers, zeros, an infinity and skew; {@code answer}
 * with null-like tokens, numbers, variants (one of them markup) and edge spaces;
 * {@code review}, free text whose values mostly differ but some repeat; {@code price_copy},
 * equal to price on every row. Its findings are ranked by rows, most first, as
 * {@code Profile.findings()} are.
 */
public final class IntegrityProfiles {

    public static final long ROWS = 1_000;

    private IntegrityProfiles() {
    }

    public static Profile profile() {
        Outliers iqr = new Outliers(12, -1.5, 20.25, List.of(1e6, 999.5, -40.0));
        Outliers mad = new Outliers(8, 0.5, 18.0, List.of(1e6, 999.5));
        NumberIntegrity numbers = new NumberIntegrity(3, 0, 1, 2.5, 8.125, iqr, 1.25, mad);
        TextIntegrity texts = new TextIntegrity(40, List.of(new TokenCount("na", 30), new TokenCount("", 10)), 5, 2,
                List.of(List.of("Yes", "yes ", "YES"), List.of("<b>no</b>", "No")), 3, 9);
        List<ColumnProfile> columns = List.of(number("price", numbers), text("answer", 6, texts),
                text("review", 350, new TextIntegrity(0, List.of(), 0, 0, List.of(), 0, 0)), number("price_copy", numbers));
        List<Finding> findings = List.of(
                new Finding("answer", "missing", "60.0% missing (600 of 1,000 rows)", 600),
                new Finding("answer", "null_like", "40 values mean missing without being NULL", 40),
                new Finding("price", "iqr_outliers", "12 values outside [-1.5, 20.25]", 12));
        return new Profile("shop", ROWS, columns, List.of(new ColumnPair("price", "price_copy")), findings);
    }

    private static ColumnProfile number(String name, NumberIntegrity numbers) {
        Map<String, Object> q = new LinkedHashMap<>();
        for (String p : List.of("0.05", "0.25", "0.5", "0.75", "0.95")) {
            q.put(p, Double.parseDouble(p) * 20);
        }
        return new ColumnProfile(name, "DOUBLE", ColumnKind.NUMERIC, ROWS, 0, 700, 0.0, Double.POSITIVE_INFINITY, 10.5, 3.25, q,
                new Histogram(List.of(0.0, 10.0, 20.0), List.of(600L, 400L)), List.of(new ValueCount(0.0, 3)), null, null, null,
                null, numbers, null);
    }

    /** A text column of {@code distinct} values; more than half distinct is free text, whose string lengths are drawn. */
    private static ColumnProfile text(String name, long distinct, TextIntegrity texts) {
        long present = 400;
        List<ValueCount> top = List.of(new ValueCount("yes", 150), new ValueCount("no", 100), new ValueCount("NA", 30));
        if (distinct > present / 2) {
            top = List.of(new ValueCount("great", 5), new ValueCount("bad", 3), new ValueCount("fine, thanks", 1));
        }
        Histogram lengths = new Histogram(List.of(0.5, 10.5, 20.5, 30.5), List.of(100L, 200L, 100L));
        return new ColumnProfile(name, "VARCHAR", ColumnKind.TEXT, present, ROWS - present, distinct, "NA",
                "yes", null, null, null, null, top, new LengthStats(0, 12.5, 30), lengths, new WordStats(0, 2.5, 6),
                Map.of("email", 0L, "phone", 0L, "card", 0L, "ipv4", 0L), null, texts);
    }
}
