package dev.assay.dsl.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The findings a reviewer needs flagged, from the column profiles, ranked by the rows they touch
 * (most first; ties keep the columns' order). The thresholds are in docs/profile.md.
 */
final class Findings {

    private Findings() {
    }

    static List<Finding> of(long rows, List<ColumnProfile> columns, List<ColumnPair> duplicateColumns) {
        List<Finding> findings = new ArrayList<>();
        for (ColumnProfile c : columns) {
            if (c.count() > 0 && c.distinct() == 1) {
                findings.add(new Finding(c.name(), "constant",
                        "constant: every value present is " + ProfileJson.display(c.top().get(0).value()), c.count()));
            }
            if (rows > 1 && c.distinct() == rows) {
                findings.add(new Finding(c.name(), "unique",
                        String.format(Locale.ROOT, "all %,d values are distinct: an identifier?", rows), rows));
            }
            if (c.missing() * 2 > rows) {
                findings.add(new Finding(c.name(), "missing", String.format(Locale.ROOT, "%s missing (%,d of %,d rows)",
                        percent(c.missing(), rows), c.missing(), rows), c.missing()));
            }
            if (c.pii() != null) {
                for (PiiPattern p : PiiPattern.values()) {
                    long n = c.pii().get(p.key());
                    if (n > 0) {
                        findings.add(new Finding(c.name(), "pii", String.format(Locale.ROOT,
                                "personal data: %,d values hold %s", n, p.description()), n));
                    }
                }
            }
            if (c.numbers() != null) {
                findings.addAll(ofNumbers(rows, c));
            }
            if (c.texts() != null) {
                findings.addAll(ofTexts(rows, c));
            }
        }
        findings.addAll(ofDuplicateColumns(rows, duplicateColumns));
        findings.sort(Comparator.comparingLong(Finding::rows).reversed());
        return findings;
    }

    /** Above this absolute skewness a column is "skewed" (a mean and a standard deviation describe it badly). */
    static final double SKEWED = 2.0;

    /** Outliers, infinities, skewness of a column of numbers. */
    private static List<Finding> ofNumbers(long rows, ColumnProfile c) {
        NumberIntegrity n = c.numbers();
        List<Finding> findings = new ArrayList<>();
        if (n.infinite() > 0) {
            findings.add(new Finding(c.name(), "infinite", String.format(Locale.ROOT, "%,d infinite values", n.infinite()),
                    n.infinite()));
        }
        Outliers iqr = n.iqrOutliers();
        if (iqr.count() > 0) {
            findings.add(new Finding(c.name(), "outliers", String.format(Locale.ROOT,
                    "%,d outliers (%s of the values) outside [%s, %s] by the IQR rule, %,d by the modified z-score; e.g. %s",
                    iqr.count(), percent(iqr.count(), c.count()), ProfileJson.display(iqr.low()),
                    ProfileJson.display(iqr.high()), n.madOutliers().count(),
                    String.join(", ", iqr.examples().stream().map(ProfileJson::display).toList())), iqr.count()));
        }
        if (n.skewness() != null && Math.abs(n.skewness()) > SKEWED) {
            findings.add(new Finding(c.name(), "skewed", String.format(Locale.ROOT, "skewed: skewness %.2f, %s tail",
                    n.skewness(), n.skewness() > 0 ? "a long right" : "a long left"), c.count()));
        }
        return findings;
    }

    /** Null-like tokens, numbers in text, variants and edge spaces of a column of texts (thresholds: docs/profile.md, "Texts"). */
    private static List<Finding> ofTexts(long rows, ColumnProfile c) {
        TextIntegrity t = c.texts();
        List<Finding> found = new ArrayList<>();
        if (t.nullLike() > 0) {
            List<String> tokens = t.nullLikeTokens().stream().limit(3)
                    .map(k -> String.format(Locale.ROOT, "%s %,d", ProfileJson.display(k.token()), k.count())).toList();
            found.add(new Finding(c.name(), "null_like", String.format(Locale.ROOT,
                    "%,d values mean missing but are not NULL (%s%s)", t.nullLike(), String.join(", ", tokens),
                    t.nullLikeTokens().size() > 3 ? ", ..." : ""), t.nullLike()));
        }
        long others = c.count() - t.nullLike() - t.numericLike();
        if (t.numericLike() > 0 && others == 0) {
            found.add(new Finding(c.name(), "numbers_as_text", String.format(Locale.ROOT,
                    "every value is a number%s: numbers stored as text?", t.nullLike() > 0 ? " or null-like" : ""),
                    t.numericLike()));
        } else if (t.numericLike() > 0 && Math.min(t.numericLike(), others) * 100 >= t.numericLike() + others) {
            found.add(new Finding(c.name(), "mixed_types", String.format(Locale.ROOT,
                    "mixed types: %,d values are numbers, %,d are other text", t.numericLike(), others),
                    Math.min(t.numericLike(), others)));
        }
        if (t.variants() > 0) {
            found.add(new Finding(c.name(), "variants", String.format(Locale.ROOT,
                    "%,d groups of values differ only in case, punctuation or spaces (%,d rows), e.g. %s", t.variants(),
                    t.variantRows(), String.join(", ", t.variantExamples().get(0).stream().map(ProfileJson::display).toList())),
                    t.variantRows()));
        }
        if (t.edgeSpaces() > 0) {
            found.add(new Finding(c.name(), "edge_spaces", String.format(Locale.ROOT,
                    "%,d values have white space at the start or the end", t.edgeSpaces()), t.edgeSpaces()));
        }
        return found;
    }

    /** A column that repeats another one on every row: found on the later column of each pair. */
    private static List<Finding> ofDuplicateColumns(long rows, List<ColumnPair> pairs) {
        return pairs.stream().map(p -> new Finding(p.b(), "duplicate_column",
                "the same values as '" + p.a() + "' on every row", rows)).toList();
    }

    static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.1f%%", whole == 0 ? 0.0 : 100.0 * part / whole);
    }
}
