package dev.assay.viz.profile;

import static dev.assay.viz.Html.escape;

import dev.assay.dsl.check.Values;
import dev.assay.dsl.profile.ColumnKind;
import dev.assay.dsl.profile.ColumnPair;
import dev.assay.dsl.profile.ColumnProfile;
import dev.assay.dsl.profile.Finding;
import dev.assay.dsl.profile.Histogram;
import dev.assay.dsl.profile.Profile;
import dev.assay.dsl.profile.ValueCount;
import dev.assay.dsl.result.JsonValue;
import dev.assay.viz.Counts;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.Renderer;
import dev.assay.viz.ShownColumns;
import dev.assay.viz.TextGrid;
import dev.assay.viz.chart.ProfileCharts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A profile as a reviewer reads it: the findings first, in their rank (the rows they touch,
 * most first) with those rows and their share, the columns equal on every row, then a row per
 * column with its missing share, distinct count, centre and spread, range, a small picture of
 * the distribution (a histogram for numbers and times, string lengths of free text, the top
 * values otherwise) and what its values have to look at (outliers, null-like tokens, ...:
 * {@link IntegrityNotes}). The plain text keeps its table first and lists the findings and the
 * values to look at under it. The JSON is {@link Profile#toJson()}, the contract scripts use.
 */
public final class ProfileRenderer implements Renderer<Profile> {

    /** Cells longer than this are cut, the whole value kept in the HTML title. */
    static final int MAX_TEXT_CELL = 24;

    private final boolean foldCharts;

    /** Charts folded under a caption, as notebooks show them (the table first). */
    public ProfileRenderer() {
        this(true);
    }

    /** {@code foldCharts} false: charts always shown, as a printed report needs them. */
    public ProfileRenderer(boolean foldCharts) {
        this.foldCharts = foldCharts;
    }

    @Override
    public MimeBundle render(Profile profile) {
        ShownColumns<ColumnProfile> shown = shown(profile);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(MimeBundle.TEXT_PLAIN, text(profile, shown));
        data.put(MimeBundle.TEXT_HTML, html(profile, shown));
        data.put(MimeBundle.RESULT_JSON, profile.toJson());
        String every = shown.cut() ? "the columns shown" : "every column";
        return new MimeBundle(data, Map.of()).withChart(() -> ProfileCharts.grid(profile, shown.shown()),
                ProfileCharts.anyMissing(shown.shown()) ? "charts: missing values and " + every : "charts of " + every,
                foldCharts);
    }

    /**
     * The columns the tables show: all of a narrow profile; of a wide one, those with findings
     * first, then the most missing.
     */
    static ShownColumns<ColumnProfile> shown(Profile p) {
        Set<String> flagged = new HashSet<>();
        p.findings().forEach(f -> flagged.add(f.column()));
        Comparator<ColumnProfile> attention = Comparator.<ColumnProfile, Boolean>comparing(c -> !flagged.contains(c.name()))
                .thenComparing(Comparator.comparingLong(ColumnProfile::missing).reversed());
        return ShownColumns.byAttention(p.columns(), attention, "those with findings first, then the most missing");
    }

    /** What a wide profile leaves out and where to see it; null when every column is shown. */
    private static String cutNote(Profile p, ShownColumns<ColumnProfile> shown) {
        return shown.note("columns", ShownColumns.inJsonAnd("assay.dataset(\"" + p.dataset() + "\").profile().columns()")
                + "; profile " + p.dataset() + " on COLUMN shows one");
    }

    /** The findings about the columns shown (a wide profile can have thousands). */
    private static List<Finding> findings(Profile p, ShownColumns<ColumnProfile> shown) {
        if (!shown.cut()) {
            return p.findings();
        }
        Set<String> names = new HashSet<>();
        shown.shown().forEach(c -> names.add(c.name()));
        return p.findings().stream().filter(f -> names.contains(f.column())).toList();
    }

    static String text(Profile p) {
        return text(p, shown(p));
    }

    private static String text(Profile p, ShownColumns<ColumnProfile> shown) {
        StringBuilder t = new StringBuilder(title(p)).append('\n');
        String note = cutNote(p, shown);
        if (note != null) {
            t.append(note).append('\n');
        }
        String[] header = {"column", "type", "missing", "distinct", "mean / top", "std", "min", "median", "max"};
        List<String[]> rows = new ArrayList<>();
        rows.add(header);
        for (ColumnProfile c : shown.shown()) {
            String[] cells = {c.name(), c.type().toLowerCase(Locale.ROOT), missing(c, p.rows()),
                    String.format(Locale.ROOT, "%,d", c.distinct()), centre(c), number(c.std()), value(c.min()),
                    c.quantiles() == null ? "" : value(c.quantiles().get("0.5")), value(c.max())};
            for (int i = 0; i < cells.length; i++) {
                cells[i] = TextGrid.cut(cells[i], MAX_TEXT_CELL);
            }
            rows.add(cells);
        }
        boolean[] numeric = {false, false, true, true, true, true, false, false, false};
        t.append(TextGrid.of(rows, 1, numeric)).append('\n');
        for (Finding f : findings(p, shown)) {
            t.append("! ").append(f.column()).append(": ").append(f.message()).append(" (").append(touched(f, p.rows()))
                    .append(")\n");
        }
        String duplicates = duplicateColumns(p);
        if (duplicates != null) {
            t.append(duplicates).append('\n');
        }
        boolean first = true;
        for (ColumnProfile c : shown.shown()) {
            List<IntegrityNotes.Note> notes = IntegrityNotes.of(c);
            if (!notes.isEmpty()) {
                t.append(first ? "Values to look at:\n" : "").append("  ").append(c.name()).append(": ")
                        .append(String.join("; ", notes.stream().map(IntegrityNotes.Note::text).toList())).append('\n');
                first = false;
            }
        }
        return t.toString().stripTrailing();
    }

    static String html(Profile p) {
        return html(p, shown(p));
    }

    private static String html(Profile p, ShownColumns<ColumnProfile> shown) {
        StringBuilder h = new StringBuilder("<div class=\"assay-profile\">\n<p><b>").append(escape(title(p))).append("</b></p>\n");
        String note = cutNote(p, shown);
        if (note != null) {
            h.append("<p class=\"assay-cut\"><i>").append(escape(note)).append("</i></p>\n");
        }
        List<Finding> findings = findings(p, shown);
        if (!findings.isEmpty()) {
            h.append("<p class=\"assay-findings\">").append(findings.size() == 1 ? "1 finding:"
                    : String.format(Locale.ROOT, "%,d findings, those touching the most rows first:", findings.size())).append("</p>\n");
            h.append("<ul style=\"background:#fff4e5;border-left:3px solid #f0a030;padding:4px 4px 4px 24px\">\n");
            for (Finding f : findings) {
                h.append("<li><code>").append(escape(f.column())).append("</code>: ").append(escape(f.message()))
                        .append(" <small style=\"opacity:.7\">").append(escape(touched(f, p.rows()))).append("</small></li>\n");
            }
            h.append("</ul>\n");
        }
        String duplicates = duplicateColumns(p);
        if (duplicates != null) {
            h.append("<p class=\"assay-duplicate-columns\">").append(escape(duplicates)).append("</p>\n");
        }
        // Every header aligned with its column: notebook styles right-align headers by default.
        String values = valuesAlign(shown.shown());
        List<String> aligns = List.of("right", "right", values, "right", values, values, values);
        List<String> heads = List.of("missing", "distinct", "mean / top", "std", "min", "median", "max");
        h.append("<table>\n<thead><tr><th style=\"text-align:left\">column</th>");
        for (int i = 0; i < heads.size(); i++) {
            h.append("<th style=\"text-align:").append(aligns.get(i)).append("\">").append(heads.get(i)).append("</th>");
        }
        h.append("<th style=\"text-align:left\">distribution</th><th style=\"text-align:left\">to look at</th></tr></thead>\n<tbody>\n");
        for (ColumnProfile c : shown.shown()) {
            h.append("<tr><td style=\"text-align:left\"><b>").append(escape(c.name()))
                    .append("</b><br><small style=\"opacity:.7\">").append(escape(c.type().toLowerCase(Locale.ROOT)))
                    .append("</small></td>");
            cell(h, missing(c, p.rows()), "right");
            cell(h, String.format(Locale.ROOT, "%,d", c.distinct()), "right");
            cell(h, centre(c), values);
            cell(h, number(c.std()), "right");
            cell(h, value(c.min()), values);
            cell(h, c.quantiles() == null ? "" : value(c.quantiles().get("0.5")), values);
            cell(h, value(c.max()), values);
            h.append("<td style=\"text-align:left\">").append(picture(c)).append("</td>");
            h.append("<td style=\"text-align:left\">").append(integrity(c)).append("</td></tr>\n");
        }
        return h.append("</tbody></table></div>").toString();
    }

    /** The column's integrity notes, a headline a line, each with its detail in small type under it. */
    private static String integrity(ColumnProfile c) {
        StringBuilder h = new StringBuilder();
        for (IntegrityNotes.Note n : IntegrityNotes.of(c)) {
            h.append(h.length() == 0 ? "" : "<br>").append(escape(n.headline()));
            if (!n.detail().isEmpty()) {
                h.append("<br><small style=\"opacity:.7\">").append(escape(n.detail())).append("</small>");
            }
        }
        return h.toString();
    }

    /** "1,234 rows, 12.3%": how much of the data a finding touches, by which findings are ranked. */
    private static String touched(Finding f, long rows) {
        return String.format(Locale.ROOT, "%,d %s, %s", f.rows(), f.rows() == 1 ? "row" : "rows", Counts.percent(f.rows(), rows));
    }

    /** "Columns equal on every row: a = b, c = d" (at most {@link ShownColumns#LIMIT} pairs), or null when there is none. */
    private static String duplicateColumns(Profile p) {
        if (p.duplicateColumns().isEmpty()) {
            return null;
        }
        ShownColumns<ColumnPair> shown = ShownColumns.first(p.duplicateColumns());
        String note = shown.note("pairs", "duplicate_columns of " + ShownColumns.inJsonAnd("assay.dataset(\"" + p.dataset()
                + "\").profile().duplicateColumns()"));
        return "Columns equal on every row: " + String.join(", ", shown.shown().stream().map(d -> d.a() + " = " + d.b()).toList())
                + (note == null ? "" : " (" + note + ")");
    }

    private static String picture(ColumnProfile c) {
        if (c.histogram() != null) {
            return InlineBars.columns(c.histogram().counts(), binsTitle(c.histogram()));
        }
        if (c.lengthHistogram() != null && (c.mostlyDistinct() || !c.someValueRepeats())) {
            String words = c.words() == null ? "" : String.format(Locale.ROOT, "words per value %s to %s, mean %s",
                    value(c.words().min()), value(c.words().max()), value(c.words().mean()));
            return InlineBars.columns(c.lengthHistogram().counts(), "length in characters: "
                    + binsTitle(c.lengthHistogram()) + "\n" + words)
                    + "<br><small style=\"opacity:.7\">" + escape(words) + "</small>";
        }
        if (!c.someValueRepeats()) {
            return "";
        }
        StringBuilder title = new StringBuilder();
        for (ValueCount v : c.top().subList(0, Math.min(4, c.top().size()))) {
            title.append(value(v.value())).append(": ").append(String.format(Locale.ROOT, "%,d", v.count())).append('\n');
        }
        return InlineBars.rows(c.top().stream().map(ValueCount::count).toList(), c.count(), title.toString().strip());
    }

    /** "0: 549, 1: 342" for a bar per value, else "12 bins from 0 to 512". */
    private static String binsTitle(Histogram h) {
        if (h.perValue()) {
            StringBuilder t = new StringBuilder("one bar per value: ");
            for (int i = 0; i < h.values().size(); i++) {
                t.append(i == 0 ? "" : ", ").append(value(h.values().get(i))).append(" (")
                        .append(String.format(Locale.ROOT, "%,d", h.counts().get(i))).append(')');
            }
            return t.toString();
        }
        return h.counts().size() + " bins from " + value(h.edges().get(0)) + " to " + value(h.edges().get(h.edges().size() - 1));
    }

    /**
     * The alignment of the columns that show a column's values (mean or top, min, median,
     * max): right as numbers when some profiled column holds numbers or times, else left as
     * the text they all are.
     */
    private static String valuesAlign(List<ColumnProfile> columns) {
        return columns.stream().anyMatch(c -> c.kind() == ColumnKind.NUMERIC || c.kind() == ColumnKind.TEMPORAL)
                ? "right" : "left";
    }

    private static void cell(StringBuilder h, String text, String align) {
        h.append("<td style=\"text-align:").append(align).append("\" title=\"").append(escape(text)).append("\">")
                .append(escape(TextGrid.cut(text, MAX_TEXT_CELL))).append("</td>");
    }

    private static String title(Profile p) {
        return String.format(Locale.ROOT, "Profile of %s: %,d rows, %,d columns", p.dataset(), p.rows(), p.columns().size());
    }

    private static String missing(ColumnProfile c, long rows) {
        if (c.missing() == 0) {
            return "0";
        }
        return String.format(Locale.ROOT, "%,d (%.1f%%)", c.missing(), 100.0 * c.missing() / rows);
    }

    /**
     * The mean for numbers and times, else the most frequent value with its count when some
     * value repeats; when none does, "all distinct" (the alphabetically first value would
     * read as a most frequent one).
     */
    private static String centre(ColumnProfile c) {
        if (c.mean() != null) {
            return value(c.mean());
        }
        if (c.kind() == ColumnKind.NUMERIC || c.top().isEmpty()) {
            return "";
        }
        if (!c.someValueRepeats()) {
            return "all distinct";
        }
        ValueCount top = c.top().get(0);
        return value(top.value()) + " (" + String.format(Locale.ROOT, "%,d", top.count()) + ")";
    }

    private static String number(Double d) {
        return d == null ? "" : value(d);
    }

    /** Numbers to six significant digits, the rest as in the JSON. */
    static String value(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double || v instanceof Float) {
            return Values.format(((Number) v).doubleValue());
        }
        if (v instanceof Long || v instanceof Integer) {
            return String.format(Locale.ROOT, "%,d", ((Number) v).longValue());
        }
        if (v instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return String.valueOf(JsonValue.of(v));
    }
}
