package dev.assay.viz.profile;

import static dev.assay.viz.Html.escape;

import dev.assay.dsl.profile.ColumnKind;
import dev.assay.dsl.profile.ColumnProfile;
import dev.assay.dsl.profile.Finding;
import dev.assay.dsl.profile.Profile;
import dev.assay.dsl.profile.ProfileJson;
import dev.assay.dsl.profile.ValueCount;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.Renderer;
import dev.assay.viz.TextGrid;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A profile as a reviewer reads it: the findings first, then a row per column with its
 * missing share, distinct count, centre and spread, range and a small picture of the
 * distribution (a histogram for numbers and times, the top values otherwise). The JSON is
 * {@link Profile#toJson()}, the contract scripts use.
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
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(MimeBundle.TEXT_PLAIN, text(profile));
        data.put(MimeBundle.TEXT_HTML, html(profile));
        data.put(MimeBundle.RESULT_JSON, profile.toJson());
        return new MimeBundle(data, Map.of()).withChart(() -> dev.assay.viz.chart.ProfileCharts.grid(profile),
                "charts: missing values and every column", foldCharts);
    }

    static String text(Profile p) {
        StringBuilder t = new StringBuilder(title(p)).append('\n');
        String[] header = {"column", "type", "missing", "distinct", "mean / top", "std", "min", "median", "max"};
        List<String[]> rows = new java.util.ArrayList<>();
        rows.add(header);
        for (ColumnProfile c : p.columns()) {
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
        for (Finding f : p.findings()) {
            t.append("! ").append(f.column()).append(": ").append(f.message()).append('\n');
        }
        return t.toString().stripTrailing();
    }

    static String html(Profile p) {
        StringBuilder h = new StringBuilder("<div class=\"assay-profile\">\n<p><b>").append(escape(title(p))).append("</b></p>\n");
        if (!p.findings().isEmpty()) {
            h.append("<ul style=\"background:#fff4e5;border-left:3px solid #f0a030;padding:4px 4px 4px 24px\">\n");
            for (Finding f : p.findings()) {
                h.append("<li><code>").append(escape(f.column())).append("</code>: ").append(escape(f.message())).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("<table>\n<thead><tr><th>column</th><th>missing</th><th>distinct</th><th>mean / top</th><th>std</th>"
                + "<th>min</th><th>median</th><th>max</th><th>distribution</th></tr></thead>\n<tbody>\n");
        for (ColumnProfile c : p.columns()) {
            h.append("<tr><td style=\"text-align:left\"><b>").append(escape(c.name()))
                    .append("</b><br><small style=\"opacity:.7\">").append(escape(c.type().toLowerCase(Locale.ROOT)))
                    .append("</small></td>");
            cell(h, missing(c, p.rows()));
            cell(h, String.format(Locale.ROOT, "%,d", c.distinct()));
            cell(h, centre(c));
            cell(h, number(c.std()));
            cell(h, value(c.min()));
            cell(h, c.quantiles() == null ? "" : value(c.quantiles().get("0.5")));
            cell(h, value(c.max()));
            h.append("<td>").append(picture(c)).append("</td></tr>\n");
        }
        return h.append("</tbody></table></div>").toString();
    }

    private static String picture(ColumnProfile c) {
        if (c.histogram() != null) {
            return InlineBars.columns(c.histogram().counts(), c.histogram().counts().size() + " bins from "
                    + value(c.histogram().edges().get(0)) + " to " + value(c.histogram().edges().get(c.histogram().edges().size() - 1)));
        }
        if (c.top().isEmpty()) {
            return "";
        }
        StringBuilder title = new StringBuilder();
        for (ValueCount v : c.top().subList(0, Math.min(4, c.top().size()))) {
            title.append(value(v.value())).append(": ").append(String.format(Locale.ROOT, "%,d", v.count())).append('\n');
        }
        return InlineBars.rows(c.top().stream().map(ValueCount::count).toList(), c.count(), title.toString().strip());
    }

    private static void cell(StringBuilder h, String text) {
        h.append("<td style=\"text-align:right\" title=\"").append(escape(text)).append("\">")
                .append(escape(TextGrid.cut(text, MAX_TEXT_CELL))).append("</td>");
    }

    private static String title(Profile p) {
        return String.format(Locale.ROOT, "Profile of %s: %,d rows, %d columns", p.dataset(), p.rows(), p.columns().size());
    }

    private static String missing(ColumnProfile c, long rows) {
        if (c.missing() == 0) {
            return "0";
        }
        return String.format(Locale.ROOT, "%,d (%.1f%%)", c.missing(), 100.0 * c.missing() / rows);
    }

    /** The mean for numbers and times, else the most frequent value. */
    private static String centre(ColumnProfile c) {
        if (c.mean() != null) {
            return value(c.mean());
        }
        if (c.kind() != ColumnKind.NUMERIC && !c.top().isEmpty()) {
            ValueCount top = c.top().get(0);
            return value(top.value()) + " (" + String.format(Locale.ROOT, "%,d", top.count()) + ")";
        }
        return "";
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
            return dev.assay.dsl.check.Values.format(((Number) v).doubleValue());
        }
        if (v instanceof Long || v instanceof Integer) {
            return String.format(Locale.ROOT, "%,d", ((Number) v).longValue());
        }
        if (v instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return String.valueOf(dev.assay.dsl.result.JsonValue.of(v));
    }
}
