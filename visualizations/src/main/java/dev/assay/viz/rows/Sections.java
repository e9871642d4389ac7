package dev.assay.viz.rows;

import static dev.assay.viz.Html.escape;

import dev.assay.dsl.result.JsonValue;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.TextGrid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A result shown as a few sentences, each optionally followed by a small table: the same
 * content as plain text (for consoles) and as escaped HTML (for notebooks and reports).
 */
final class Sections {

    /** Cells longer than this are cut in the table, the whole value kept in the HTML title. */
    static final int MAX_CELL = 60;

    /**
     * A sentence and optionally a table; {@code images} (base64 PNG per body row, HTML only)
     * add a picture column, {@code marked} rows are highlighted in HTML.
     */
    private record Section(String sentence, List<String[]> table, boolean[] rightAligned, List<String> images,
                           boolean[] marked, String[][] cellClasses) {
        Section(String sentence, List<String[]> table, boolean[] rightAligned, List<String> images, boolean[] marked) {
            this(sentence, table, rightAligned, images, marked, null);
        }

        /** The CSS class of a body cell, or null. */
        String cellClass(int bodyRow, int column) {
            return cellClasses == null || cellClasses[bodyRow] == null ? null : cellClasses[bodyRow][column];
        }
    }

    /** What the text form appends to a cell that HTML marks with a CSS class. */
    static final String MARK = " *";

    private final List<Section> sections = new ArrayList<>();

    /** A sentence shown on its own. */
    Sections line(String sentence) {
        sections.add(new Section(sentence, null, null, null, null));
        return this;
    }

    /**
     * The sentence to put above a table: {@code sentence} itself; or, when the table leaves
     * entries out ({@code note}, from {@code ShownColumns.note}, not null), {@code sentence} on
     * a line of its own and the note above the table.
     */
    String above(String sentence, String note) {
        if (note == null) {
            return sentence;
        }
        line(sentence);
        return note + ":";
    }

    /** A sentence and a table under it: the first row is the header; a null cell is NULL. */
    Sections table(String sentence, List<String[]> rows, boolean[] rightAligned) {
        sections.add(new Section(sentence, rows, rightAligned, null, null));
        return this;
    }

    /** A table whose {@code marked} body rows are highlighted in HTML (the text form is the plain table). */
    Sections table(String sentence, List<String[]> rows, boolean[] rightAligned, boolean[] marked) {
        sections.add(new Section(sentence, rows, rightAligned, null, marked));
        return this;
    }

    /**
     * A table some of whose body cells are singled out: {@code cellClasses[row][column]} is a CSS
     * class in HTML (null for none), and the text form marks such a cell with {@link #MARK}.
     */
    Sections table(String sentence, List<String[]> rows, boolean[] rightAligned, String[][] cellClasses) {
        sections.add(new Section(sentence, rows, rightAligned, null, null, cellClasses));
        return this;
    }

    /**
     * A table whose HTML rows also carry a small picture each (base64 PNG, in the last column,
     * under {@code imageHeader}) and are highlighted when {@code marked}; the text form is the
     * plain table.
     */
    Sections table(String sentence, List<String[]> rows, boolean[] rightAligned, String imageHeader, List<String> images,
                   boolean[] marked) {
        List<String[]> withHeader = new ArrayList<>(rows);
        String[] header = Arrays.copyOf(rows.get(0), rows.get(0).length + 1);
        header[header.length - 1] = imageHeader;
        withHeader.set(0, header);
        sections.add(new Section(sentence, withHeader, rightAligned, images, marked));
        return this;
    }

    MimeBundle bundle(String cssClass, Map<String, Object> json) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(MimeBundle.TEXT_PLAIN, text());
        data.put(MimeBundle.TEXT_HTML, html(cssClass));
        data.put(MimeBundle.RESULT_JSON, json);
        return new MimeBundle(data, Map.of());
    }

    /** Only the HTML of these sections, next to a plain text given by the caller (a value's usual text). */
    MimeBundle htmlWithText(String cssClass, String plainText) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(MimeBundle.TEXT_PLAIN, plainText);
        data.put(MimeBundle.TEXT_HTML, html(cssClass));
        return new MimeBundle(data, Map.of());
    }

    private String text() {
        StringBuilder t = new StringBuilder();
        for (Section s : sections) {
            t.append(s.sentence()).append('\n');
            if (s.table() != null && s.table().size() > 1) {
                List<String[]> cut = new ArrayList<>();
                for (int r = 0; r < s.table().size(); r++) {
                    String[] full = s.table().get(r);
                    // The picture column is for HTML only.
                    String[] row = s.images() != null && full == s.table().get(0)
                            ? Arrays.copyOf(full, full.length - 1) : full;
                    String[] c = new String[row.length];
                    for (int i = 0; i < row.length; i++) {
                        c[i] = row[i] == null ? "NULL" : TextGrid.cut(oneLine(row[i]), MAX_CELL)
                                + (r > 0 && s.cellClass(r - 1, i) != null ? MARK : "");
                    }
                    cut.add(c);
                }
                t.append(TextGrid.of(cut, 1, s.rightAligned())).append('\n');
            }
        }
        return t.toString().stripTrailing();
    }

    private String html(String cssClass) {
        StringBuilder h = new StringBuilder("<div class=\"").append(escape(cssClass)).append("\">\n");
        for (Section s : sections) {
            h.append("<p>").append(escape(s.sentence())).append("</p>\n");
            if (s.table() == null || s.table().size() < 2) {
                continue;
            }
            h.append("<table>\n<thead><tr>");
            String[] header = s.table().get(0);
            for (int i = 0; i < header.length; i++) {
                // Headers align with their column: notebook styles right-align every header by default.
                h.append("<th style=\"text-align:").append(align(s, i)).append("\">").append(escape(header[i])).append("</th>");
            }
            h.append("</tr></thead>\n<tbody>\n");
            for (int r = 1; r < s.table().size(); r++) {
                String[] row = s.table().get(r);
                boolean marked = s.marked() != null && s.marked()[r - 1];
                h.append(marked ? "<tr style=\"background:#fbe3d6\">" : "<tr>");
                for (int i = 0; i < row.length; i++) {
                    if (row[i] == null) {
                        // As in table previews: NULL must not look like the text 'NULL'.
                        h.append("<td style=\"text-align:").append(align(s, i)).append(";color:#888;font-style:italic\">NULL</td>");
                        continue;
                    }
                    String cellClass = s.cellClass(r - 1, i);
                    h.append("<td").append(cellClass == null ? "" : " class=\"" + escape(cellClass) + "\"")
                            .append(" style=\"text-align:").append(align(s, i))
                            .append(cellClass == null ? "" : ";background:#fbe3d6;font-weight:bold")
                            .append(";white-space:pre-wrap\" title=\"").append(escape(row[i])).append("\">")
                            .append(escape(TextGrid.cut(row[i], MAX_CELL))).append("</td>");
                }
                if (s.images() != null) {
                    String png = s.images().get(r - 1);
                    h.append("<td style=\"text-align:left\">").append(png == null ? "" : "<img alt=\"distributions\" src=\"data:image/png;base64,"
                            + png + "\">").append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        return h.append("</div>").toString();
    }


    /** The alignment of column {@code i}: numbers right, text (and the picture column) left. */
    private static String align(Section s, int i) {
        return i < s.rightAligned().length && s.rightAligned()[i] ? "right" : "left";
    }

    /** Per column of {@code rows} (values, NULL as null): right-aligned when every value present is a number. */
    static boolean[] numericColumns(int columns, List<List<Object>> rows) {
        boolean[] numeric = new boolean[columns];
        for (int i = 0; i < columns; i++) {
            final int column = i;
            numeric[i] = rows.stream().anyMatch(r -> r.get(column) != null)
                    && rows.stream().allMatch(r -> r.get(column) == null || r.get(column) instanceof Number);
        }
        return numeric;
    }

    /** A cell value as text, or null for NULL (shown apart from any text). */
    static String cell(Object v) {
        return v == null ? null : String.valueOf(JsonValue.of(v));
    }

    private static String oneLine(String s) {
        return s.replace("\r", "").replace('\n', '⏎');
    }
}
