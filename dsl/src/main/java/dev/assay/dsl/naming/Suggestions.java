package dev.assay.dsl.naming;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean": the known name closest to a misspelt one, if it is close enough to be a typo. */
public final class Suggestions {

    private Suggestions() {
    }

    public static Optional<String> closest(String wrong, Collection<String> known) {
        // One edit in a word of up to 3 letters, else a third of the length but at least 2 ('fair' for
        // 'fare' is two) and at most 3: further off is no typo.
        int allowed = wrong.length() <= 3 ? 1 : Math.min(3, Math.max(2, wrong.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            if (Math.abs(candidate.length() - wrong.length()) > allowed) {
                continue; // too far by length alone: no need for the table (a 5 MB name would cost gigabytes)
            }
            int d = distance(wrong.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** " ; did you mean 'x'?" or nothing. */
    public static String didYouMean(String wrong, Collection<String> known) {
        return closest(wrong, known).map(s -> "; did you mean '" + s + "'?").orElse("");
    }

    /** How many of a dataset's columns an error lists when none is close to the name asked for. */
    static final int LISTED_COLUMNS = 20;

    /**
     * The one message for a column name that is not there, whatever the statement and clause
     * ({@code on}, {@code by}, {@code stratify}, {@code group}, {@code order by}, a check's
     * argument): the closest name, or else the columns there are.
     */
    public static String noColumn(String wanted, String dataset, List<String> known) {
        String hint = didYouMean(wanted, known);
        if (hint.isEmpty()) {
            hint = known.isEmpty() ? "; it has no columns" : "; its columns: " + String.join(", ",
                    known.subList(0, Math.min(LISTED_COLUMNS, known.size()))) + (known.size() > LISTED_COLUMNS
                    ? " and " + (known.size() - LISTED_COLUMNS) + " more" : "");
        }
        return "no column '" + Excerpt.of(wanted) + "' in " + dataset + hint;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
