package dev.assay.viz.rows;

import dev.assay.viz.MimeBundle;
import dev.assay.viz.PlainTextRenderer;
import dev.assay.viz.Renderer;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Java values a cell returns, shown as tables in HTML: a record as its fields, a map as its
 * entries, a collection of records of one type as one row per record. The text stays what
 * JShell prints, so consoles and scripts see the value as they expect. Arrays of records too.
 */
public final class JavaValueRenderers {

    /** Rows shown before the table says how many more there are. */
    static final int MAX_ROWS = 100;

    private JavaValueRenderers() {
    }

    public static Renderer<Record> records() {
        return r -> {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"field", "value"});
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                rows.add(new String[] {c.getName(), cell(component(r, c))});
            }
            return new Sections().table(r.getClass().getSimpleName() + ":", rows, new boolean[] {false, false})
                    .htmlWithText("assay-record", PlainTextRenderer.describe(r));
        };
    }

    public static <M extends Map<?, ?>> Renderer<M> maps() {
        return m -> {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"key", "value"});
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (rows.size() > MAX_ROWS) {
                    break;
                }
                rows.add(new String[] {cell(e.getKey()), cell(e.getValue())});
            }
            return new Sections().table(shown(m.size(), "entry", "entries") + ":", rows, new boolean[] {false, false})
                    .htmlWithText("assay-map", PlainTextRenderer.describe(m));
        };
    }

    /** "2 entries", or "first 100 of 250 entries" when the table is cut. */
    private static String shown(int n, String one, String many) {
        return (n > MAX_ROWS ? "first " + MAX_ROWS + " of " : "") + count(n, one, many);
    }

    /** Collections of records of one type become a table; other collections keep their text only. */
    public static <C extends Collection<?>> Renderer<C> collections() {
        return c -> {
            Object first = c.isEmpty() ? null : c.iterator().next();
            Class<?> type = first == null ? null : first.getClass();
            if (type == null || !type.isRecord() || !c.stream().allMatch(type::isInstance)) {
                return MimeBundle.text(PlainTextRenderer.describe(c));
            }
            RecordComponent[] components = type.getRecordComponents();
            List<String[]> rows = new ArrayList<>();
            rows.add(Arrays.stream(components).map(RecordComponent::getName).toArray(String[]::new));
            boolean[] numeric = new boolean[components.length];
            for (int i = 0; i < components.length; i++) {
                Class<?> t = components[i].getType();
                numeric[i] = Number.class.isAssignableFrom(t) || (t.isPrimitive() && t != boolean.class && t != char.class);
            }
            for (Object o : c) {
                if (rows.size() > MAX_ROWS) {
                    break;
                }
                String[] row = new String[components.length];
                for (int i = 0; i < components.length; i++) {
                    row[i] = cell(component((Record) o, components[i]));
                }
                rows.add(row);
            }
            return new Sections().table(type.getSimpleName() + ": " + shown(c.size(), "record", "records") + ":", rows, numeric)
                    .htmlWithText("assay-records", PlainTextRenderer.describe(c));
        };
    }

    /** Arrays of records as the same table as a list of them, with the array's own text. */
    public static Renderer<Object[]> arrays() {
        Renderer<List<Object>> list = collections();
        return a -> {
            MimeBundle asList = list.render(Arrays.asList(a));
            Object html = asList.data().get(MimeBundle.TEXT_HTML);
            MimeBundle text = MimeBundle.text(PlainTextRenderer.describe(a));
            return html == null ? text : text.with(MimeBundle.TEXT_HTML, html);
        };
    }

    private static Object component(Record r, RecordComponent c) {
        try {
            c.getAccessor().setAccessible(true);
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "<" + e.getClass().getSimpleName() + ">";
        }
    }

    /**
     * A value as its JShell text; strings bare (the cell shows where they start and end), except
     * the empty string, written "" so that it is not taken for a missing value; null stays null.
     */
    private static String cell(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof CharSequence s) {
            return s.length() == 0 ? "\"\"" : s.toString();
        }
        return PlainTextRenderer.describe(v);
    }

    private static String count(long n, String one, String many) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
    }
}
