package dev.assay.viz.rows;

import dev.assay.dsl.labels.ColumnAssociation;
import dev.assay.dsl.labels.LabelClass;
import dev.assay.dsl.labels.LabelComparison;
import dev.assay.dsl.labels.LabelConflicts;
import dev.assay.dsl.labels.LabelFinding;
import dev.assay.dsl.labels.Labels;
import dev.assay.viz.Counts;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.Renderer;
import dev.assay.viz.ShownColumns;
import dev.assay.viz.chart.LabelCharts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Labels: the findings first, then the classes (both datasets side by side with {@code vs}), the
 * label's drift, the conflicting groups with the labels that disagree with their group's
 * majority marked, and the columns by how much they tell the label (at most
 * {@link LabelCharts#MAX_BARS}, strongest first); the picture shows the class shares and the
 * associations as bars.
 */
public final class LabelsRenderer implements Renderer<Labels> {

    /** The CSS class of a label cell that differs from its conflict group's majority label. */
    public static final String DISAGREES = "assay-label-disagrees";

    @Override
    public MimeBundle render(Labels l) {
        List<ColumnAssociation> strongest = strongestFirst(l.columns());
        List<ColumnAssociation> shown = strongest.subList(0, Math.min(strongest.size(), LabelCharts.MAX_BARS));
        Sections s = sections(l, strongest, shown);
        return s.bundle("assay-labels", l.toJson()).withChart(() -> LabelCharts.picture(l, shown),
                "class shares and associations", false);
    }

    /** The text and HTML of a labels result, also a section of the quality report. */
    static Sections sections(Labels l, List<ColumnAssociation> strongest, List<ColumnAssociation> shown) {
        Sections s = new Sections();
        s.line(String.format(Locale.ROOT, "Labels of %s on %s: %s classes over %s labelled rows (%s rows without a label)",
                l.dataset(), l.label(), Counts.count(l.classes().classes().size()), Counts.count(l.classes().labelledRows()),
                Counts.count(l.classes().missingLabels())));
        findings(s, l.findings());
        classes(s, l);
        if (l.vs() != null) {
            comparison(s, l.vs());
        }
        conflicts(s, l.conflicts());
        associations(s, l, strongest, shown);
        return s;
    }

    /** Columns whose normalized MI is known, strongest first (ties by name), then the others in their order. */
    static List<ColumnAssociation> strongestFirst(List<ColumnAssociation> columns) {
        List<ColumnAssociation> sorted = new ArrayList<>(columns);
        sorted.sort(Comparator.comparing((ColumnAssociation c) -> c.normalizedMi() == null)
                .thenComparing(c -> c.normalizedMi() == null ? 0 : -c.normalizedMi()));
        return sorted;
    }

    private static void findings(Sections s, List<LabelFinding> findings) {
        if (findings.isEmpty()) {
            s.line("No findings: no class under 1%, no imbalance over 10, no conflict, no column that tells the label alone.");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"finding", "about", "rows", "what"});
        findings.forEach(f -> rows.add(new String[] {f.kind(), f.subject() == null ? "" : f.subject(), Counts.count(f.rows()),
            f.message()}));
        s.table(Counts.count(findings.size()) + (findings.size() == 1 ? " finding:" : " findings:"), rows,
                new boolean[] {false, false, true, false});
    }

    private static void classes(Sections s, Labels l) {
        List<String[]> rows = new ArrayList<>();
        LabelComparison vs = l.vs();
        String sentence = String.format(Locale.ROOT, "Classes (imbalance ratio %s, smallest class %s of the labelled rows):",
                number(l.classes().imbalanceRatio()), share(l.classes().minorityShare()));
        if (vs == null) {
            rows.add(new String[] {l.label(), "rows", "share"});
            for (LabelClass c : l.classes().classes()) {
                rows.add(new String[] {Sections.cell(c.value()), Counts.count(c.count()), share(c.share())});
            }
            s.table(sentence, rows, new boolean[] {false, true, true});
            return;
        }
        rows.add(new String[] {l.label(), l.dataset(), "share", vs.other(), "share "});
        for (LabelComparison.SideBySide c : vs.classes()) {
            rows.add(new String[] {Sections.cell(c.value()), Counts.count(c.count()), share(c.share()), Counts.count(c.otherCount()),
                share(c.otherShare())});
        }
        s.table(sentence, rows, new boolean[] {false, true, true, true, true});
    }

    private static void comparison(Sections s, LabelComparison vs) {
        String drift = vs.drift() == null ? "no labelled row in " + vs.other() + ", so no drift"
                : String.format(Locale.ROOT, "label drift by %s: %s %s (threshold %s)%s", vs.drift().method().keyword(),
                        vs.drift().method().givesPValue() ? "p-value" : "statistic",
                        number(vs.drift().method().givesPValue() ? vs.drift().pValue() : vs.drift().statistic()),
                        number(vs.drift().threshold()), vs.drift().drifted() ? ", DRIFTED" : ", no drift");
        s.line(String.format(Locale.ROOT, "Against %s (%s rows, %s without a label): only here %s; only there %s; %s.", vs.other(),
                Counts.count(vs.otherClasses().rows()), Counts.count(vs.otherClasses().missingLabels()), values(vs.onlyHere()),
                values(vs.onlyThere()), drift));
    }

    private static void conflicts(Sections s, LabelConflicts c) {
        if (c.groups() == 0) {
            s.line("No conflicting labels: no rows with the same " + features(c) + " and different labels.");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        List<String[]> classes = new ArrayList<>();
        rows.add(new String[] {"group", "rows", "label", "count", "majority label"});
        for (LabelConflicts.ConflictGroup g : c.largest()) {
            for (LabelClass label : g.labels()) {
                boolean disagrees = !String.valueOf(label.value()).equals(String.valueOf(g.majorityLabel()));
                rows.add(new String[] {Counts.count(g.group()), Counts.count(g.rows()), Sections.cell(label.value()),
                    Counts.count(label.count()), Sections.cell(g.majorityLabel())});
                classes.add(new String[] {null, null, disagrees ? DISAGREES : null, null, null});
            }
        }
        String sentence = String.format(Locale.ROOT, "%s groups of rows (%s rows) have the same %s and different labels; "
                + "the largest, labels that differ from the majority marked%s:", Counts.count(c.groups()), Counts.count(c.rows()),
                features(c), c.largest().size() < c.groups() ? " (" + Counts.count(c.largest().size()) + " shown)" : "");
        s.table(sentence, rows, new boolean[] {true, true, false, true, false}, classes.toArray(new String[0][]));
    }

    private static void associations(Sections s, Labels l, List<ColumnAssociation> strongest, List<ColumnAssociation> shown) {
        if (strongest.isEmpty()) {
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"column", "over", "normalized MI", "mutual information", "Cramér's V", "missing Cramér's V", "note"});
        for (ColumnAssociation c : shown) {
            rows.add(new String[] {c.name(), c.over(), number(c.normalizedMi()), number(c.mutualInformation()), number(c.cramersV()),
                number(c.missingCramersV()), (c.identifier() ? "identifier" : "") + (c.note() == null ? "" : c.note())});
        }
        String note = shown.size() < strongest.size() ? String.format(Locale.ROOT, "showing %s of %s columns, strongest first; "
                + "all %s are in %s", Counts.count(shown.size()), Counts.count(strongest.size()), Counts.count(strongest.size()),
                ShownColumns.inJsonAnd("assay.dataset(\"" + l.dataset() + "\").labels(\"" + l.label() + "\").columns()")) : null;
        s.table(s.above("How much each column tells the label (strongest first):", note), rows,
                new boolean[] {false, false, true, true, true, true, false});
    }

    private static String features(LabelConflicts c) {
        return c.by().isEmpty() ? "features" : String.join(", ", c.by()) + (c.normalize() ? " (normalized)" : "")
                + (c.near() == null ? "" : " (near " + number(c.near()) + ")");
    }

    private static String values(List<Object> values) {
        return values.isEmpty() ? "none" : String.join(", ", values.stream().map(Sections::cell).toList());
    }

    private static String share(Double share) {
        return share == null ? "" : String.format(Locale.ROOT, "%.2f%%", 100 * share);
    }

    private static String number(Double v) {
        return v == null ? "" : DriftRenderer.number(v);
    }
}
