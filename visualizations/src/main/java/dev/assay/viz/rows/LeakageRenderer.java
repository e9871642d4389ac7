package dev.assay.viz.rows;

import dev.assay.viz.Counts;
import dev.assay.dsl.duplicates.Leakage;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.Renderer;
import dev.assay.viz.ShownColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Leakage: how many rows of the second dataset occur in the first, with examples. */
public final class LeakageRenderer implements Renderer<Leakage> {

    @Override
    public MimeBundle render(Leakage l) {
        Sections s = new Sections();
        String over = ShownColumns.names(l.on()) + (l.normalize() ? ", normalized" : "");
        String sentence = String.format(Locale.ROOT, "Leakage from %s into %s on %s: %s of %s's %s rows (%s) also occur in %s "
                + "(%s shared keys, on %s rows of %s)", l.left(), l.right(), over, Counts.count(l.exactOverlapRows()), l.right(),
                Counts.count(l.rightRows()), Counts.percent(l.exactOverlapRows(), l.rightRows()), l.left(),
                Counts.count(l.sharedKeys()), Counts.count(l.leftOverlapRows()), l.left());
        if (l.examples().isEmpty()) {
            s.line(sentence);
        } else {
            ShownColumns<String> on = ShownColumns.first(l.on());
            List<String[]> rows = new ArrayList<>();
            List<String> header = new ArrayList<>(on.shown());
            header.add("rows in " + l.left());
            header.add("rows in " + l.right());
            rows.add(header.toArray(String[]::new));
            for (Leakage.SharedKey k : l.examples()) {
                List<String> row = new ArrayList<>();
                on.shown().forEach(c -> row.add(Sections.cell(k.values().get(c))));
                row.add(Counts.count(k.leftCount()));
                row.add(Counts.count(k.rightCount()));
                rows.add(row.toArray(String[]::new));
            }
            boolean[] right = new boolean[header.size()];
            right[header.size() - 1] = true;
            right[header.size() - 2] = true;
            String note = on.note("columns of each key", ShownColumns.inJsonAnd("the Leakage's examples()"));
            s.table(s.above(sentence + "; for example:", note), rows, right);
        }
        if (l.nearOverlapRows() != null) {
            String near = String.format(Locale.ROOT, "With near duplicates (Jaccard >= %s): %s of %s's rows (%s) have a match in %s",
                    l.nearThreshold(), Counts.count(l.nearOverlapRows()), l.right(),
                    Counts.percent(l.nearOverlapRows(), l.rightRows()), l.left());
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"row of " + l.right(), "text", "row of " + l.left(), "text"});
            for (Leakage.NearMatch m : l.nearExamples()) {
                rows.add(new String[] {Counts.count(m.rightRow()), m.rightText(), Counts.count(m.leftRow()), m.leftText()});
            }
            s.table(l.nearExamples().isEmpty() ? near : near + "; near, not equal, for example:", rows,
                    new boolean[] {true, false, true, false});
        }
        return s.bundle("assay-leakage", l.toJson());
    }
}
