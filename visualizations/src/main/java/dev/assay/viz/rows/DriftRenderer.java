package dev.assay.viz.rows;

import dev.assay.viz.Counts;
import dev.assay.dsl.drift.ColumnDrift;
import dev.assay.dsl.drift.Drift;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.Renderer;
import dev.assay.viz.ShownColumns;
import dev.assay.viz.chart.DriftCharts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Drift: the verdict, then one row per column (method, statistic, p-value, threshold, verdict
 * and, in HTML, a thumbnail of both distributions; drifted rows marked), then what was
 * skipped; the PNG shows every column's distributions at full size.
 */
public final class DriftRenderer implements Renderer<Drift> {

    @Override
    public MimeBundle render(Drift d) {
        ShownColumns<ColumnDrift> shown = shown(d);
        List<String[]> rows = new ArrayList<>();
        List<String> thumbnails = new ArrayList<>();
        boolean[] drifted = new boolean[shown.shown().size()];
        rows.add(new String[] {"column", "kind", "method", "statistic", "p-value", "threshold", "drifted",
            "missing (ref / cur)", "note"});
        for (ColumnDrift c : shown.shown()) {
            rows.add(new String[] {c.name(), c.kind().jsonName(), c.method().keyword(),
                c.statistic() == null ? "∞" : number(c.statistic()), c.pValue() == null ? "" : number(c.pValue()),
                number(c.threshold()), c.drifted() ? "DRIFT" : "no",
                Counts.count(c.referenceMissing()) + " / " + Counts.count(c.currentMissing()),
                c.note() == null ? "" : c.note()});
            thumbnails.add(thumbnail(c));
            drifted[rows.size() - 2] = c.drifted();
        }
        String verdict = String.format(Locale.ROOT, "Drift from %s (%s rows) to %s (%s rows): %,d of %,d columns drifted (%s)"
                + " — %s", d.reference(), Counts.count(d.referenceRows()), d.current(), Counts.count(d.currentRows()),
                d.driftedColumns(), d.columns().size(), Counts.percent(d.driftedColumns(), d.columns().size()),
                d.datasetDrift() ? "the dataset has drifted (at least half of its columns)" : "no dataset drift");
        Sections s = new Sections();
        String note = shown.note("columns", ShownColumns.inJsonAnd("assay.dataset(\"" + d.reference() + "\").drift(assay.dataset(\""
                + d.current() + "\")).columns()") + "; drift " + d.reference() + " vs " + d.current() + " on COLUMN shows one");
        s.table(s.above(verdict + ":", note), rows,
                new boolean[] {false, false, false, true, true, true, false, true, false},
                "reference / current", thumbnails, drifted);
        if (!d.skipped().isEmpty()) {
            ShownColumns<Drift.Skipped> skippedShown = ShownColumns.first(d.skipped());
            List<String[]> skipped = new ArrayList<>();
            skipped.add(new String[] {"column", "why"});
            skippedShown.shown().forEach(k -> skipped.add(new String[] {k.name(), k.reason()}));
            String skippedNote = skippedShown.note("columns not compared", ShownColumns.inJsonAnd("the Drift's skipped()"));
            s.table(s.above("Not compared:", skippedNote), skipped, new boolean[] {false, false});
        }
        return s.bundle("assay-drift", d.toJson()).withChart(() -> DriftCharts.grid(shown.shown()),
                "reference and current distributions", false);
    }

    /**
     * The columns the table shows: all of a narrow drift; of a wide one, the drifted first, then
     * those nearest to their threshold.
     */
    static ShownColumns<ColumnDrift> shown(Drift d) {
        Comparator<ColumnDrift> attention = Comparator.<ColumnDrift, Boolean>comparing(c -> !c.drifted())
                .thenComparing(Comparator.comparingDouble(DriftRenderer::severity).reversed());
        return ShownColumns.byAttention(d.columns(), attention, "the drifted first, then the nearest to their threshold");
    }

    /**
     * How far a column is towards drift, 1 at its threshold: the statistic over the threshold
     * for distances, the threshold over the p-value for tests (an infinite statistic or a
     * p-value of 0 is infinitely far).
     */
    static double severity(ColumnDrift c) {
        if (c.method().givesPValue()) {
            return c.pValue() == null ? 0 : c.pValue() == 0 ? Double.POSITIVE_INFINITY : c.threshold() / c.pValue();
        }
        return c.statistic() == null ? Double.POSITIVE_INFINITY : c.threshold() == 0 ? c.statistic() : c.statistic() / c.threshold();
    }

    /** The column's two distributions as a small base64 PNG, or null when there are none or nothing can be drawn. */
    private static String thumbnail(ColumnDrift c) {
        if (c.distribution() == null) {
            return null;
        }
        MimeBundle drawn = MimeBundle.text("").withChart(() -> DriftCharts.thumbnail(c), "", false);
        return (String) drawn.data().get(MimeBundle.IMAGE_PNG);
    }

    /** Four significant digits, in plain or scientific notation as the size asks. */
    static String number(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        return a >= 1e-3 && a < 1e5 ? String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "")
                : String.format(Locale.ROOT, "%.3e", v);
    }
}
