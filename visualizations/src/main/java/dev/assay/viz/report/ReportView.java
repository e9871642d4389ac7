package dev.assay.viz.report;

import static dev.assay.viz.Counts.count;
import static dev.assay.viz.Counts.percent;

import dev.assay.dsl.duplicates.Duplicates;
import dev.assay.dsl.profile.ColumnProfile;
import dev.assay.dsl.profile.Finding;
import dev.assay.dsl.profile.Profile;
import dev.assay.dsl.report.QualityReport;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.Renderer;
import dev.assay.viz.ShownColumns;
import dev.assay.viz.profile.ProfileRenderer;
import dev.assay.viz.rows.CheckResultRenderer;
import dev.assay.viz.rows.DriftRenderer;
import dev.assay.viz.rows.DuplicatesRenderer;
import dev.assay.viz.rows.HistoryRenderer;
import dev.assay.viz.rows.LabelsRenderer;
import dev.assay.viz.rows.LeakageRenderer;
import dev.assay.viz.rows.PinnedRenderer;
import dev.assay.viz.rows.SuggestionRenderer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the report template shows, computed from a {@link QualityReport}: the tiles of the
 * summary, and each section's HTML as the result's own renderer draws it in a notebook (so a
 * report reads like the cells that made its figures). Charts are unfolded: a printed report
 * cannot open a fold.
 */
final class ReportView {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ReportView() {
    }

    static String title(QualityReport r) {
        return "Quality report: " + r.dataset() + (r.comparison() == null ? "" : " vs " + r.comparison().versus());
    }

    /** The figures that open the report, in reading order. */
    static List<ReportTile> tiles(QualityReport r) {
        Profile p = r.profile();
        List<ReportTile> tiles = new ArrayList<>();
        tiles.add(ReportTile.ok("Rows", count(p.rows()), count(p.columns().size()) + (p.columns().size() == 1 ? " column" : " columns")));
        long missing = p.columns().stream().mapToLong(ColumnProfile::missing).sum();
        long cells = p.rows() * p.columns().size();
        tiles.add(ReportTile.warnIf(missing, "Missing cells", percent(missing, cells), count(missing) + " of " + count(cells)));
        Duplicates d = r.duplicateRows();
        tiles.add(ReportTile.warnIf(d.duplicateRows(), "Duplicate rows", count(d.duplicateRows()),
                percent(d.duplicateRows(), d.rows()) + " of rows"));
        if (r.nearDuplicates() != null) {
            long near = r.nearDuplicates().near().rowsInClusters();
            tiles.add(ReportTile.warnIf(near, "Near duplicates", count(near),
                    "rows in clusters of similar " + r.textColumn()));
        }
        long pii = piiFindings(r).size();
        tiles.add(ReportTile.badIf(pii, "Personal data", pii == 0 ? "none found" : pii + (pii == 1 ? " finding" : " findings"),
                textColumns(p) + " text columns scanned"));
        if (r.comparison() != null) {
            var c = r.comparison();
            tiles.add(ReportTile.badIf(c.sharedRows().exactOverlapRows(), "Leaked rows", count(c.sharedRows().exactOverlapRows()),
                    "rows of " + c.versus() + " also in " + r.dataset()));
            if (c.nearShared() != null && c.nearShared().nearOverlapRows() != null) {
                tiles.add(ReportTile.badIf(c.nearShared().nearOverlapRows(), "Near leaks", count(c.nearShared().nearOverlapRows()),
                        "near-identical " + r.textColumn()));
            }
            var drift = c.drift();
            tiles.add(new ReportTile("Drift", count(drift.driftedColumns()) + " of " + count(drift.columns().size()), "columns drifted",
                    drift.datasetDrift() ? "bad" : drift.driftedColumns() > 0 ? "warn" : "ok"));
        }
        if (r.labels() != null) {
            long findings = r.labels().findings().size();
            tiles.add(ReportTile.warnIf(findings, "Labels", findings == 0 ? "no findings" : findings + (findings == 1 ? " finding"
                    : " findings"), count(r.labels().classes().classes().size()) + " classes of " + r.labels().label()));
        }
        if (!r.checks().isEmpty()) {
            long failed = r.checks().stream().filter(ch -> !ch.passed()).count();
            tiles.add(ReportTile.badIf(failed, "Checks", (r.checks().size() - failed) + " of " + r.checks().size() + " passed",
                    "in this session"));
        }
        if (!r.pins().isEmpty()) {
            tiles.add(ReportTile.ok("Pinned versions", Integer.toString(r.pins().size()), "in this session"));
        }
        return tiles;
    }

    /** The template's context. */
    static Map<String, Object> context(QualityReport r) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("title", title(r));
        c.put("dataset", r.dataset());
        c.put("versus", r.comparison() == null ? "" : r.comparison().versus());
        c.put("created", WHEN.format(r.created()));
        c.put("tiles", tiles(r));
        c.put("profile", html(new ProfileRenderer(false), r.profile()));
        c.put("duplicates", html(new DuplicatesRenderer(), r.duplicateRows()));
        c.put("hasNear", r.nearDuplicates() != null);
        c.put("near", r.nearDuplicates() == null ? "" : html(new DuplicatesRenderer(), r.nearDuplicates()));
        c.put("textColumn", r.textColumn() == null ? "" : r.textColumn());
        ShownColumns<Finding> pii = ShownColumns.first(piiFindings(r));
        c.put("pii", pii.shown());
        c.put("piiNote", pii.note("personal-data findings", "the JSON of the profile"));
        c.put("textColumns", textColumns(r.profile()));
        c.put("compared", r.comparison() != null);
        if (r.comparison() != null) {
            var cmp = r.comparison();
            c.put("leakage", html(new LeakageRenderer(), cmp.sharedRows()));
            c.put("hasNearLeakage", cmp.nearShared() != null);
            c.put("nearLeakage", cmp.nearShared() == null ? "" : html(new LeakageRenderer(), cmp.nearShared()));
            c.put("drift", html(new DriftRenderer(), cmp.drift()));
        }
        c.put("hasLabels", r.labels() != null);
        c.put("label", r.labels() == null ? "" : r.labels().label());
        c.put("labels", r.labels() == null ? "" : html(new LabelsRenderer(), r.labels()));
        suggestion(c, r);
        history(c, r);
        c.put("pins", r.pins().stream().map(p -> html(new PinnedRenderer(), p)).toList());
        c.put("checks", r.checks().stream().map(ch -> html(new CheckResultRenderer(), ch)).toList());
        return c;
    }

    /** The suggested check's section: the statement to copy and its rules, as {@code suggest check for} shows them. */
    private static void suggestion(Map<String, Object> c, QualityReport r) {
        c.put("hasSuggestion", r.suggestion() != null);
        c.put("suggestion", r.suggestion() == null ? "" : html(new SuggestionRenderer(), r.suggestion()));
    }

    /** The history section: the label's versions up to the one the dataset is, as {@code history} shows them. */
    private static void history(Map<String, Object> c, QualityReport r) {
        c.put("hasHistory", r.history() != null);
        c.put("historyLabel", r.history() == null ? "" : r.history().label());
        c.put("historyVersion", r.history() == null ? "" : r.history().latest().version().ref());
        c.put("history", r.history() == null ? "" : html(new HistoryRenderer(), r.history()));
    }

    private static List<Finding> piiFindings(QualityReport r) {
        return r.profile().findings().stream().filter(f -> f.kind().equals("pii")).toList();
    }

    private static long textColumns(Profile p) {
        return p.columns().stream().filter(c -> c.pii() != null).count();
    }

    private static <T> String html(Renderer<T> renderer, T value) {
        return (String) renderer.render(value).data().get(MimeBundle.TEXT_HTML);
    }
}
