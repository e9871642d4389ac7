package dev.assay.viz.rows;

import dev.assay.dsl.history.HistoryColumn;
import dev.assay.dsl.history.HistoryDrift;
import dev.assay.dsl.history.HistoryVersion;
import dev.assay.dsl.history.MetricHistory;
import dev.assay.viz.Counts;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.Renderer;
import dev.assay.viz.ShownColumns;
import dev.assay.viz.chart.HistoryCharts;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A label's metric history: one row per version (rows, check outcome, drift from the previous
 * version), the drawn columns' metrics version by version (the text form of the charts), the
 * other columns' latest values, and the charts ({@link HistoryCharts}), failed checks marked.
 */
public final class HistoryRenderer implements Renderer<MetricHistory> {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Override
    public MimeBundle render(MetricHistory history) {
        return sections(history).bundle("assay-history", history.toJson())
                .withChart(() -> HistoryCharts.grid(history), "history charts", false);
    }

    static Sections sections(MetricHistory history) {
        Sections s = new Sections();
        long failed = history.versions().stream().filter(HistoryVersion::checkFailed).count();
        s.line(String.format(Locale.ROOT, "History of '%s': %s %s%s%s", history.label(), Counts.count(history.versions().size()),
                history.versions().size() == 1 ? "version" : "versions",
                history.on().isEmpty() ? "" : ", columns " + String.join(", ", history.on()),
                failed == 0 ? "" : ", " + failed + " whose check failed (marked ◆ " + HistoryCharts.FAILED + " in the charts)"));
        versions(s, history);
        List<String> drawn = HistoryCharts.drawnColumns(history);
        drawnColumns(s, history, drawn);
        otherColumns(s, history, drawn);
        return s;
    }

    private static void versions(Sections s, MetricHistory history) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"version", "created", "rows", "check", "drifted share", "drifted columns"});
        boolean[] marked = new boolean[history.versions().size()];
        for (int i = 0; i < history.versions().size(); i++) {
            HistoryVersion v = history.versions().get(i);
            marked[i] = v.checkFailed();
            HistoryDrift d = v.driftFromPrevious();
            rows.add(new String[] {v.version().ref(), CREATED.format(v.version().created()), Counts.count(v.version().rows()),
                    v.checkPassed() == null ? "not checked" : v.checkPassed() ? "passed" : "failed",
                    d == null ? "" : d.driftedShare() == null ? "not compared" : d.drifted().size() + " of " + d.compared().size(),
                    d == null ? "" : d.note() != null ? d.note() : String.join(", ", d.drifted())});
        }
        s.table("Versions, oldest first (drift: auto, each version against the one before):", rows,
                new boolean[] {false, false, true, false, true, false}, marked);
    }

    /** The text form of the charts: each drawn column's metrics, version by version. */
    private static void drawnColumns(Sections s, MetricHistory history, List<String> drawn) {
        if (drawn.isEmpty()) {
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"column", "metric", "by version (v" + history.versions().get(0).version().version() + " → v"
                + history.latest().version().version() + ")", "drifted in"});
        for (String column : drawn) {
            String times = Long.toString(HistoryCharts.timesDrifted(history, column));
            rows.add(new String[] {column, "missing", series(history, column, c -> whole(c.missing())), times});
            rows.add(new String[] {column, "distinct", series(history, column, c -> whole(c.distinct())), ""});
            rows.add(new String[] {column, "mean", series(history, column, c -> decimal(c.mean())), ""});
        }
        String sentence = drawn.size() < history.columnNames().size()
                ? String.format(Locale.ROOT, "Charts of %d of %s columns, %s:", drawn.size(),
                        Counts.count(history.columnNames().size()), HistoryCharts.RULE)
                : "Columns by version (as charted):";
        s.table(sentence, rows, new boolean[] {false, false, false, true});
    }

    /** The columns not drawn, with their latest values; bounded like every per-column table. */
    private static void otherColumns(Sections s, MetricHistory history, List<String> drawn) {
        List<String> rest = history.columnNames().stream().filter(c -> !drawn.contains(c)).toList();
        if (rest.isEmpty()) {
            return;
        }
        ShownColumns<String> shown = ShownColumns.first(rest);
        HistoryVersion latest = history.latest();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"column", "missing", "distinct", "mean", "drifted in"});
        for (String column : shown.shown()) {
            HistoryColumn c = latest.column(column).orElse(HistoryColumn.absent(column));
            rows.add(new String[] {column, whole(c.missing()), whole(c.distinct()), decimal(c.mean()),
                    Long.toString(HistoryCharts.timesDrifted(history, column))});
        }
        s.table(s.above("Other columns, as in " + latest.version().ref() + " (no chart):",
                shown.note("columns", ShownColumns.inJsonAnd("the result's versions()"))), rows,
                new boolean[] {false, true, true, true, true});
    }

    private static String series(MetricHistory history, String column, Function<HistoryColumn, String> metric) {
        return history.versions().stream().map(v -> v.column(column).map(metric).orElse("—"))
                .collect(Collectors.joining(" → "));
    }

    private static String whole(Long n) {
        return n == null ? "—" : Counts.count(n);
    }

    private static String decimal(Double d) {
        return d == null ? "—" : DriftRenderer.number(d);
    }
}
