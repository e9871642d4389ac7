package dev.assay.viz.profile;

import dev.assay.dsl.profile.ColumnProfile;
import dev.assay.dsl.profile.NumberIntegrity;
import dev.assay.dsl.profile.Outliers;
import dev.assay.dsl.profile.TextIntegrity;
import dev.assay.dsl.profile.TokenCount;
import dev.assay.viz.Counts;
import dev.assay.viz.TextGrid;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a profile found wrong in a column's values, as a reader wants it in the column's row:
 * one note per thing that is there (outliers, zeros, negatives, infinities and skewness of
 * numbers; null-like tokens, numbers in text, variants and edge spaces of texts), each a
 * headline ("12 IQR outliers") and its detail ("outside [1.5, 20.3]; e.g. 100, 99"). Counts
 * of zero say nothing and are left out; examples are cut to {@link #EXAMPLE} characters.
 */
final class IntegrityNotes {

    /** Characters an example value keeps (a variant can be a long text). */
    static final int EXAMPLE = 24;

    /** A headline and its detail (empty when the headline says it all). */
    record Note(String headline, String detail) {

        /** "headline (detail)", for plain text. */
        String text() {
            return detail.isEmpty() ? headline : headline + " (" + detail + ")";
        }
    }

    private IntegrityNotes() {
    }

    /** The notes of a column; none when its kind has no integrity fields or nothing was found. */
    static List<Note> of(ColumnProfile c) {
        List<Note> notes = new ArrayList<>();
        if (c.numbers() != null) {
            numbers(notes, c.numbers());
        }
        if (c.texts() != null) {
            texts(notes, c.texts());
        }
        return notes;
    }

    private static void numbers(List<Note> notes, NumberIntegrity n) {
        outliers(notes, n.iqrOutliers(), "IQR outlier", "outside");
        outliers(notes, n.madOutliers(), "MAD outlier", "modified z-score above 3.5" + (n.mad() == null ? "" : ", MAD "
                + ProfileRenderer.value(n.mad())) + ", outside");
        count(notes, n.infinite(), "infinite", "infinite", "");
        count(notes, n.zeros(), "zero", "zeros", "");
        count(notes, n.negatives(), "negative", "negatives", "");
        if (n.skewness() != null) {
            notes.add(new Note("skewness " + ProfileRenderer.value(n.skewness()),
                    n.kurtosis() == null ? "" : "excess kurtosis " + ProfileRenderer.value(n.kurtosis())));
        }
    }

    private static void outliers(List<Note> notes, Outliers o, String rule, String fences) {
        if (o == null || o.count() == 0) {
            return;
        }
        String range = o.low() == null || o.high() == null ? "" : fences + " [" + ProfileRenderer.value(o.low()) + ", "
                + ProfileRenderer.value(o.high()) + "]";
        List<String> examples = o.examples().stream().map(v -> TextGrid.cut(ProfileRenderer.value(v), EXAMPLE)).toList();
        String detail = range + (examples.isEmpty() ? "" : (range.isEmpty() ? "" : "; ") + "e.g. " + String.join(", ", examples));
        notes.add(new Note(Counts.count(o.count()) + " " + rule + (o.count() == 1 ? "" : "s"), detail));
    }

    private static void texts(List<Note> notes, TextIntegrity t) {
        if (t.nullLike() > 0) {
            List<String> tokens = new ArrayList<>();
            for (TokenCount token : t.nullLikeTokens()) {
                tokens.add(quoted(token.token()) + " " + Counts.count(token.count()));
            }
            notes.add(new Note(Counts.count(t.nullLike()) + " null-like", String.join(", ", tokens)));
        }
        count(notes, t.numericLike(), "number in text", "numbers in text", "");
        if (t.variants() > 0) {
            List<String> groups = t.variantExamples().stream()
                    .map(g -> String.join(" / ", g.stream().map(v -> quoted(TextGrid.cut(v, EXAMPLE))).toList())).toList();
            notes.add(new Note(Counts.count(t.variants()) + " variant group" + (t.variants() == 1 ? "" : "s"),
                    groups.isEmpty() ? "" : "e.g. " + String.join("; ", groups)));
        }
        count(notes, t.edgeSpaces(), "edge space", "edge spaces", "values with white space at either end");
    }

    private static void count(List<Note> notes, long n, String one, String many, String detail) {
        if (n > 0) {
            notes.add(new Note(Counts.count(n) + " " + (n == 1 ? one : many), detail));
        }
    }

    /** A text value in quotes, so that white space and the empty text show. */
    private static String quoted(String s) {
        return String.format(Locale.ROOT, "'%s'", s);
    }
}
