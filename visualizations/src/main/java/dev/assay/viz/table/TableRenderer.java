package dev.assay.viz.table;

import static dev.assay.viz.Html.escape;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.TablePreview;
import dev.assay.dsl.profile.ColumnKind;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.Renderer;
import dev.assay.viz.ShownColumns;
import dev.assay.viz.TextGrid;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A table preview as a notebook shows it: HTML with column names and types, numbers
 * right-aligned, NULL unlike an empty string, long text cut, and the total row count; a
 * plain-text grid for consoles; and JSON for scripts.
 */
public final class TableRenderer implements Renderer<TablePreview> {

    static final int MAX_CELL_CHARS = 80;

    @Override
    public MimeBundle render(TablePreview table) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(MimeBundle.TEXT_PLAIN, text(table));
        data.put(MimeBundle.TEXT_HTML, html(table));
        data.put(MimeBundle.RESULT_JSON, json(table));
        return new MimeBundle(data, Map.of());
    }

    static String html(TablePreview t) {
        int shown = shown(t).shown().size();
        StringBuilder h = new StringBuilder("<div class=\"assay-table\"><table>\n<thead><tr>");
        for (Column c : t.columns().subList(0, shown)) {
            // Headers align with their column: notebook styles right-align every header by default.
            h.append("<th style=\"text-align:").append(align(c)).append("\" title=\"").append(escape(c.type())).append("\">")
                    .append(escape(c.name()))
                    .append("<br><small style=\"font-weight:normal;opacity:.7\">").append(escape(c.type().toLowerCase(Locale.ROOT)))
                    .append("</small></th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (List<Object> row : t.rows()) {
            h.append("<tr>");
            for (int i = 0; i < shown; i++) {
                Object v = row.get(i);
                if (v == null) {
                    h.append("<td style=\"text-align:").append(align(t.columns().get(i))).append(";color:#888;font-style:italic\">NULL</td>");
                } else if (v instanceof Number || v instanceof Boolean) {
                    h.append("<td style=\"text-align:").append(align(t.columns().get(i))).append("\">").append(escape(format(v)))
                            .append("</td>");
                } else {
                    String s = format(v);
                    h.append("<td style=\"text-align:left\"");
                    if (s.length() > MAX_CELL_CHARS) {
                        h.append(" title=\"").append(escape(s)).append("\">").append(escape(cut(s)));
                    } else {
                        h.append('>').append(s.isEmpty() ? "<span style=\"color:#888\">''</span>" : escape(s));
                    }
                    h.append("</td>");
                }
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n<p style=\"font-size:smaller;opacity:.7\">").append(footer(t)).append("</p></div>");
        return h.toString();
    }

    /** Numbers right, everything else (text, booleans, times) left, as the text grid aligns them. */
    private static String align(Column c) {
        return ColumnKind.of(c.type()) == ColumnKind.NUMERIC ? "right" : "left";
    }

    static String text(TablePreview t) {
        int n = shown(t).shown().size();
        List<String[]> lines = new ArrayList<>();
        String[] header = new String[n];
        String[] types = new String[n];
        for (int i = 0; i < n; i++) {
            header[i] = t.columns().get(i).name();
            types[i] = t.columns().get(i).type().toLowerCase(Locale.ROOT);
        }
        lines.add(header);
        lines.add(types);
        for (List<Object> row : t.rows()) {
            String[] cells = new String[n];
            for (int i = 0; i < n; i++) {
                Object v = row.get(i);
                cells[i] = v == null ? "NULL" : cut(format(v).replace("\n", "\\n"));
            }
            lines.add(cells);
        }
        boolean[] numeric = new boolean[n];
        for (List<Object> row : t.rows()) {
            for (int i = 0; i < n; i++) {
                numeric[i] |= row.get(i) instanceof Number; // a numeric column, its NULLs included
            }
        }
        return TextGrid.of(lines, 2, numeric) + "\n" + footer(t);
    }

    static Map<String, Object> json(TablePreview t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", "table");
        json.put("name", t.name());
        List<Map<String, String>> columns = new ArrayList<>();
        for (Column c : t.columns()) {
            columns.add(Map.of("name", c.name(), "type", c.type()));
        }
        json.put("columns", columns);
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : t.rows()) {
            List<Object> r = new ArrayList<>();
            for (Object v : row) {
                r.add(v == null || v instanceof Number || v instanceof Boolean || v instanceof String ? v : format(v));
            }
            rows.add(r);
        }
        json.put("rows", rows);
        json.put("total_rows", t.totalRows());
        return json;
    }

    private static String footer(TablePreview t) {
        String rows = String.format(Locale.ROOT, "%,d", t.totalRows());
        String shown = t.rows().size() < t.totalRows()
                ? "first " + t.rows().size() + " of " + rows + " rows" : rows + (t.totalRows() == 1 ? " row" : " rows");
        int columns = t.columns().size();
        String note = shown(t).note("columns", "the JSON (" + MimeBundle.RESULT_JSON + "); select others with %%sql");
        return (t.name() != null ? escape(t.name()) + ": " : "") + shown + ", " + String.format(Locale.ROOT, "%,d", columns) + (columns == 1 ? " column" : " columns")
                + (note == null ? "" : "; " + escape(note));
    }

    /** The columns a preview shows: a wide table's first ones (its JSON keeps them all). */
    private static ShownColumns<Column> shown(TablePreview t) {
        return ShownColumns.first(t.columns());
    }

    private static String format(Object v) {
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof LocalDateTime t) {
            // Always with seconds: LocalDateTime.toString() drops ":00", so 16:19:00 would read "16:19".
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
        }
        return String.valueOf(v);
    }

    private static String cut(String s) {
        return TextGrid.cut(s, MAX_CELL_CHARS);
    }
}
