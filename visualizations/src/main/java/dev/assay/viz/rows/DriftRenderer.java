package dev.assay.viz.rows;

import dev.assay.viz.Counts;
import dev.assay.dsl.drift.ColumnDrift;
import dev.assay.dsl.drift.Drift;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.Renderer;
import dev.assay.viz.chart.DriftCharts;
import java.util.ArrayList;
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
        List<String[]> rows = new ArrayList<>();
        List<String> thumbnails = new ArrayList<>();
        boolean[] drifted = new boolean[d.columns().size()];
        rows.add(new String[] {"column", "kind", "method", "statistic", "p-value", "threshold", "drifted",
            "missing (ref / cur)", "note"});
        for (ColumnDrift c : d.columns()) {
            rows.add(new String[] {c.name(), c.kind().jsonName(), c.method().keyword(),
                c.statistic() == null ? "∞" : number(c.statistic()), c.pValue() == null ? "" : number(c.pValue()),
                number(c.threshold()), c.drifted() ? "DRIFT" : "no",
                Counts.count(c.referenceMissing()) + " / " + Counts.count(c.currentMissing()),
                c.note() == null ? "" : c.note()});
            thumbnails.add(thumbnail(c));
            drifted[rows.size() - 2] = c.drifted();
        }
        String verdict = String.format(Locale.ROOT, "Drift from %s (%s rows) to %s (%s rows): %d of %d columns drifted (%s)"
                + " — %s", d.reference(), Counts.count(d.referenceRows()), d.current(), Counts.count(d.currentRows()),
                d.driftedColumns(), d.columns().size(), Counts.percent(d.driftedColumns(), d.columns().size()),
                d.datasetDrift() ? "the dataset has drifted (at least half of its columns)" : "no dataset drift");
        Sections s = new Sections().table(verdict + ":", rows,
                new boolean[] {false, false, false, true, true, true, false, true, false},
                "reference / current", thumbnails, drifted);
        if (!d.skipped().isEmpty()) {
            List<String[]> skipped = new ArrayList<>();
            skipped.add(new String[] {"column", "why"});
            d.skipped().forEach(k -> skipped.add(new String[] {k.name(), k.reason()}));
            s.table("Not compared:", skipped, new boolean[] {false, false});
        }
        return s.bundle("assay-drift", d.toJson()).withChart(() -> DriftCharts.grid(d), "reference and current distributions",
                false);
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
