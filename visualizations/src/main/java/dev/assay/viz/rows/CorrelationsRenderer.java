package dev.assay.viz.rows;

import dev.assay.dsl.correlations.CorrelatedPair;
import dev.assay.dsl.correlations.CorrelationFinding;
import dev.assay.dsl.correlations.CorrelationNote;
import dev.assay.dsl.correlations.Correlations;
import dev.assay.viz.Counts;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.Renderer;
import dev.assay.viz.ShownColumns;
import dev.assay.viz.chart.CorrelationCharts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Correlations: the findings (pairs above {@link Correlations#STRONG}) first, the notes on
 * columns without values, then the strongest pairs. Up to {@link CorrelationCharts#MAX_COLUMNS}
 * columns the picture is the heatmap, its {@link CorrelationCharts#LABELLED} strongest pairs
 * numbered as in the table; a wider matrix would not read, so it has no picture and the table
 * lists the {@link ShownColumns#LIMIT} strongest pairs and says how many it left out.
 */
public final class CorrelationsRenderer implements Renderer<Correlations> {

    @Override
    public MimeBundle render(Correlations c) {
        List<CorrelatedPair> strongest = strongestFirst(c.pairs());
        return sections(c, strongest).bundle("assay-correlations", c.toJson())
                .withChart(() -> CorrelationCharts.heatmap(c, strongest), "correlation heatmap", false);
    }

    /** The text and HTML of a correlations result. */
    static Sections sections(Correlations c, List<CorrelatedPair> strongest) {
        Sections s = new Sections();
        s.line(String.format(Locale.ROOT, "Correlations of %s by %s: %s columns, %s pairs with a value, %s above %s in absolute value",
                c.dataset(), c.method().keyword(), Counts.count(c.columns().size()), Counts.count(strongest.size()),
                Counts.count(c.findings().size()), DriftRenderer.number(Correlations.STRONG)));
        findings(s, c.findings());
        notes(s, c);
        pairs(s, c, strongest);
        return s;
    }

    /** The pairs with a value, the largest absolute value first (ties keep their order). */
    static List<CorrelatedPair> strongestFirst(List<CorrelatedPair> pairs) {
        List<CorrelatedPair> sorted = new ArrayList<>(pairs.stream().filter(p -> !Double.isNaN(p.value())).toList());
        sorted.sort(Comparator.comparingDouble((CorrelatedPair p) -> -Math.abs(p.value())));
        return sorted;
    }

    private static void findings(Sections s, List<CorrelationFinding> findings) {
        if (findings.isEmpty()) {
            s.line("No findings: no pair above " + DriftRenderer.number(Correlations.STRONG) + " in absolute value.");
            return;
        }
        ShownColumns<CorrelationFinding> shown = ShownColumns.first(findings);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"finding", "a", "b", "what"});
        shown.shown().forEach(f -> rows.add(new String[] {f.kind(), f.a(), f.b(), f.message()}));
        String sentence = Counts.count(findings.size()) + (findings.size() == 1 ? " finding:" : " findings:");
        s.table(s.above(sentence, shown.note("findings", ShownColumns.inJsonAnd("the result's findings()"))), rows,
                new boolean[] {false, false, false, false});
    }

    private static void notes(Sections s, Correlations c) {
        if (c.notes().isEmpty()) {
            return;
        }
        ShownColumns<CorrelationNote> shown = ShownColumns.first(c.notes());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"column", "note"});
        shown.shown().forEach(n -> rows.add(new String[] {n.column(), n.message()}));
        s.table(s.above("Columns without a correlation (null in the matrix):",
                shown.note("notes", ShownColumns.inJsonAnd("the result's notes()"))), rows, new boolean[] {false, false});
    }

    private static void pairs(Sections s, Correlations c, List<CorrelatedPair> strongest) {
        if (strongest.isEmpty()) {
            s.line("No pair has a value" + (c.columns().size() < 2 ? ": correlations need two columns or more." : "."));
            return;
        }
        boolean drawn = c.columns().size() <= CorrelationCharts.MAX_COLUMNS;
        int limit = drawn ? CorrelationCharts.LABELLED : ShownColumns.LIMIT;
        List<CorrelatedPair> shown = strongest.subList(0, Math.min(limit, strongest.size()));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"#", "a", "b", "method", "value"});
        for (int k = 0; k < shown.size(); k++) {
            CorrelatedPair p = shown.get(k);
            rows.add(new String[] {Integer.toString(k + 1), p.a(), p.b(), p.method().keyword(), DriftRenderer.number(p.value())});
        }
        String sentence = drawn ? "The strongest pairs, numbered as in the heatmap:"
                : String.format(Locale.ROOT, "No heatmap beyond %d columns (it would not read); the strongest pairs instead:",
                        CorrelationCharts.MAX_COLUMNS);
        String note = shown.size() < strongest.size() ? String.format(Locale.ROOT,
                "showing the %s strongest of %s pairs, %s left out; all are in %s", Counts.count(shown.size()),
                Counts.count(strongest.size()), Counts.count(strongest.size() - shown.size()),
                ShownColumns.inJsonAnd("the result's pairs() and matrix()")) : null;
        s.table(s.above(sentence, note), rows, new boolean[] {true, false, false, false, true});
    }
}
