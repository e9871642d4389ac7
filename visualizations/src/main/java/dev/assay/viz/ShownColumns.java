package dev.assay.viz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which entries of a per-column table a reader sees (columns of a profile, drift or diff,
 * rules of a check, columns of a preview), and the sentence that says what was left out.
 * A table of at most {@link #LIMIT} entries is shown whole, in its own order, so a narrow
 * result reads exactly as it always did. A wider one shows the {@link #LIMIT} entries that
 * need attention most ({@code attentionFirst}, ties in their own order); the result's JSON
 * and Java object keep every entry.
 */
public final class ShownColumns<T> {

    /**
     * 50: about two screens of a profile table, enough for every column with a finding in a
     * typical wide table, and it keeps a result's HTML, text and charts around a megabyte
     * (a 10,000-column profile shown whole made a notebook of over 100 MB).
     */
    public static final int LIMIT = 50;

    private final List<T> shown;
    private final int total;
    private final String order;

    private ShownColumns(List<T> shown, int total, String order) {
        this.shown = List.copyOf(shown);
        this.total = total;
        this.order = order;
    }

    /**
     * All of {@code all} when they fit, else the {@link #LIMIT} first by {@code attentionFirst};
     * {@code order} says how they were chosen ("those with findings first, then by missing share").
     */
    public static <T> ShownColumns<T> byAttention(List<T> all, Comparator<? super T> attentionFirst, String order) {
        if (all.size() <= LIMIT) {
            return new ShownColumns<>(all, all.size(), order);
        }
        List<T> sorted = new ArrayList<>(all);
        sorted.sort(attentionFirst); // stable: ties keep the table's order
        return new ShownColumns<>(sorted.subList(0, LIMIT), all.size(), order);
    }

    /** The first {@link #LIMIT} of {@code all}, in their order (tables whose entries have no ranking). */
    public static <T> ShownColumns<T> first(List<T> all) {
        return new ShownColumns<>(all.subList(0, Math.min(all.size(), LIMIT)), all.size(), null);
    }

    public List<T> shown() {
        return shown;
    }

    /** True when some entries are left out. */
    public boolean cut() {
        return shown.size() < total;
    }

    /**
     * "showing 50 of 10,000 columns, those with findings first, then the most missing; all
     * 10,000 are in WHERE" ("showing the first 50 of ..." for {@link #first}), or null when
     * nothing is left out. {@code noun} is the plural ("columns", "rules"); {@code where} says
     * how to see the rest.
     */
    public String note(String noun, String where) {
        if (!cut()) {
            return null;
        }
        String counts = Counts.count(shown.size()) + " of " + Counts.count(total) + " " + noun;
        return "showing " + (order == null ? "the first " + counts : counts + ", " + order) + "; all " + Counts.count(total)
                + " are in " + where;
    }

    /**
     * Column names for a sentence: all of them, comma-separated, when they fit in a table;
     * else the first three and how many there are ("a, b, c, … (10,000 columns)").
     */
    public static String names(List<String> names) {
        if (names.size() <= LIMIT) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, 3)) + ", … (" + Counts.count(names.size()) + " columns)";
    }

    /** Where every result keeps what its table leaves out, for {@link #note}: the JSON, and {@code java} in Java. */
    public static String inJsonAnd(String java) {
        return "the result's JSON (" + MimeBundle.RESULT_JSON + ") and in Java: " + java;
    }
}
