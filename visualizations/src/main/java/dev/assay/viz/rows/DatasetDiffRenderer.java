package dev.assay.viz.rows;

import dev.assay.dsl.diff.DatasetDiff;
import dev.assay.viz.Counts;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.Renderer;
import dev.assay.viz.ShownColumns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A diff, most telling first: whether anything changed, the schema, rows on one side only,
 * changed rows by key, then how each column's summary moved (moved rows highlighted).
 */
public final class DatasetDiffRenderer implements Renderer<DatasetDiff> {

    @Override
    public MimeBundle render(DatasetDiff diff) {
        Sections s = new Sections();
        String sides = String.format(Locale.ROOT, "%s (%s rows) -> %s (%s rows)", diff.from(), Counts.count(diff.fromRows()),
                diff.to(), Counts.count(diff.toRows()));
        if (diff.identical()) {
            s.line(sides + ": identical schema and rows");
        } else {
            s.line(sides);
        }
        schema(diff, s);
        rows(diff, s);
        if (diff.keyed() != null) {
            keyed(diff, s);
        }
        columns(diff, s);
        return s.bundle("assay-diff", diff.toJson());
    }

    private static void schema(DatasetDiff diff, Sections s) {
        if (diff.added().isEmpty() && diff.removed().isEmpty() && diff.retyped().isEmpty()) {
            return;
        }
        List<String[]> changes = new ArrayList<>();
        diff.removed().forEach(c -> changes.add(new String[] {c.name(), "removed", c.type(), ""}));
        diff.added().forEach(c -> changes.add(new String[] {c.name(), "added", "", c.type()}));
        diff.retyped().forEach(t -> changes.add(new String[] {t.name(), "type changed", t.from(), t.to()}));
        ShownColumns<String[]> shown = ShownColumns.first(changes);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"column", "change", "type in " + diff.from(), "type in " + diff.to()});
        rows.addAll(shown.shown());
        s.table(s.above("Schema changes:", shown.note("schema changes", whole(diff, "schema"))), rows,
                new boolean[] {false, false, false, false});
    }

    /** Where a wide diff keeps what its tables leave out: the JSON's {@code field}, and the Java object. */
    private static String whole(DatasetDiff diff, String field) {
        return "the result's JSON (" + MimeBundle.RESULT_JSON + ", \"" + field + "\") and in Java: assay.diff(\"" + diff.from()
                + "\", \"" + diff.to() + "\")";
    }

    private static void rows(DatasetDiff diff, Sections s) {
        if (diff.compared().isEmpty()) {
            s.line("No column in common: rows were not compared");
            return;
        }
        s.line(String.format(Locale.ROOT, "Rows (as multisets, over %,d %s): %s only in %s, %s only in %s",
                diff.compared().size(), diff.compared().size() == 1 ? "column" : "columns in common",
                Counts.count(diff.onlyInFrom()), diff.from(), Counts.count(diff.onlyInTo()), diff.to()));
        examples(diff, "Only in " + diff.from() + ", for example", diff.onlyInFromExamples(), s);
        examples(diff, "Only in " + diff.to() + ", for example", diff.onlyInToExamples(), s);
    }

    /** Example rows, of a wide diff only their first columns. */
    private static void examples(DatasetDiff diff, String sentence, List<List<Object>> examples, Sections s) {
        if (examples.isEmpty()) {
            return;
        }
        ShownColumns<String> columns = ShownColumns.first(diff.compared());
        int n = columns.shown().size();
        List<List<Object>> cut = examples.stream().map(r -> r.subList(0, Math.min(n, r.size()))).toList();
        List<String[]> rows = new ArrayList<>();
        rows.add(columns.shown().toArray(String[]::new));
        cut.forEach(r -> rows.add(r.stream().map(Sections::cell).toArray(String[]::new)));
        s.table(s.above(sentence + ":", columns.note("columns of each row", whole(diff, "rows"))), rows,
                Sections.numericColumns(n, cut));
    }

    private static void keyed(DatasetDiff diff, Sections s) {
        DatasetDiff.Keyed k = diff.keyed();
        String on = String.join(", ", diff.on());
        s.line(String.format(Locale.ROOT, "By %s: %s keys in both, %s of them changed; %s added in %s, %s removed",
                on, Counts.count(k.matched()), Counts.count(k.changed()), Counts.count(k.added()), diff.to(),
                Counts.count(k.removed())));
        if (k.changed() > 0) {
            List<Map.Entry<String, Long>> changed = k.changesPerColumn().entrySet().stream().filter(e -> e.getValue() > 0).toList();
            ShownColumns<Map.Entry<String, Long>> shown = ShownColumns.byAttention(changed,
                    Map.Entry.<String, Long>comparingByValue().reversed(), "the most changed first");
            List<String[]> perColumn = new ArrayList<>();
            perColumn.add(new String[] {"column", "rows changed", "share of matched"});
            for (Map.Entry<String, Long> e : shown.shown()) {
                perColumn.add(new String[] {e.getKey(), Counts.count(e.getValue()), Counts.percent(e.getValue(), k.matched())});
            }
            s.table(s.above("Changed columns:", shown.note("changed columns", whole(diff, "keyed"))), perColumn,
                    new boolean[] {false, true, true});
            List<String[]> examples = new ArrayList<>();
            examples.add(new String[] {on, "column", "in " + diff.from(), "in " + diff.to()});
            List<List<Object>> values = new ArrayList<>();
            for (DatasetDiff.Change c : k.examples()) {
                examples.add(new String[] {key(c.key()), c.column(), Sections.cell(c.from()), Sections.cell(c.to())});
                values.add(Arrays.asList(c.key().size() == 1 ? c.key().get(0) : "", c.column(), c.from(), c.to()));
            }
            s.table("Changed values, for example:", examples, Sections.numericColumns(4, values));
        }
        keys("Added keys, for example: ", k.addedKeys(), s);
        keys("Removed keys, for example: ", k.removedKeys(), s);
    }

    private static void keys(String sentence, List<List<Object>> keys, Sections s) {
        if (!keys.isEmpty()) {
            s.line(sentence + String.join("; ", keys.stream().map(DatasetDiffRenderer::key).toList()));
        }
    }

    private static String key(List<Object> values) {
        List<String> parts = values.stream().map(v -> v == null ? "NULL" : Sections.cell(v)).toList();
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(", ", parts) + ")";
    }

    private static void columns(DatasetDiff diff, Sections s) {
        ShownColumns<DatasetDiff.ColumnMove> shown = ShownColumns.byAttention(diff.columns(),
                Comparator.comparing(m -> !moved(m)), "the changed first");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"column", "count", "missing", "distinct", "mean"});
        boolean[] marked = new boolean[shown.shown().size()];
        for (DatasetDiff.ColumnMove m : shown.shown()) {
            marked[rows.size() - 1] = moved(m);
            rows.add(new String[] {m.name(), pair(m, DatasetDiff.Summary::count), pair(m, DatasetDiff.Summary::missing),
                    pair(m, DatasetDiff.Summary::distinct), pair(m, DatasetDiff.Summary::mean)});
        }
        s.table(s.above("Columns (" + diff.from() + " -> " + diff.to() + "; changed ones marked):",
                shown.note("columns", whole(diff, "columns"))), rows, new boolean[] {false, true, true, true, true}, marked);
    }

    /** A column whose summary differs between the sides, or that one side lacks. */
    private static boolean moved(DatasetDiff.ColumnMove m) {
        return m.from() == null || m.to() == null || !m.from().equals(m.to());
    }

    /** {@code 12 -> 15} when the two sides differ, one value when they agree, '-' for a side without the column. */
    private static String pair(DatasetDiff.ColumnMove m, Function<DatasetDiff.Summary, Object> field) {
        boolean none = (m.from() == null || field.apply(m.from()) == null) && (m.to() == null || field.apply(m.to()) == null);
        if (none) {
            return "";
        }
        String from = m.from() == null ? "-" : format(field.apply(m.from()));
        String to = m.to() == null ? "-" : format(field.apply(m.to()));
        return Objects.equals(from, to) ? from : from + " -> " + to;
    }

    private static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, "%.6g", d);
        }
        return Counts.count(((Number) value).longValue());
    }
}
