package dev.assay.viz.rows;

import dev.assay.viz.Counts;
import dev.assay.dsl.duplicates.DuplicateGroup;
import dev.assay.dsl.duplicates.Duplicates;
import dev.assay.dsl.duplicates.NearCluster;
import dev.assay.dsl.duplicates.NearSummary;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.Renderer;
import dev.assay.viz.ShownColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Duplicates: the counts in a sentence, the largest groups, then the near-duplicate clusters. */
public final class DuplicatesRenderer implements Renderer<Duplicates> {

    @Override
    public MimeBundle render(Duplicates d) {
        Sections s = new Sections();
        String over = ShownColumns.names(d.on()) + (d.normalize() ? ", normalized" : "");
        String sentence = String.format(Locale.ROOT, "Duplicates in %s on %s: %s duplicate rows (%s of %s rows) in %s groups",
                d.dataset(), over, Counts.count(d.duplicateRows()), Counts.percent(d.duplicateRows(), d.rows()),
                Counts.count(d.rows()), Counts.count(d.groups()));
        if (d.largest().isEmpty()) {
            s.line(sentence);
        } else {
            ShownColumns<String> on = ShownColumns.first(d.on());
            List<String[]> rows = new ArrayList<>();
            List<String> header = new ArrayList<>(List.of("rows", "first row"));
            header.addAll(on.shown());
            rows.add(header.toArray(String[]::new));
            for (DuplicateGroup g : d.largest()) {
                List<String> row = new ArrayList<>(List.of(Counts.count(g.count()), Counts.count(g.firstRow())));
                on.shown().forEach(c -> row.add(Sections.cell(g.values().get(c))));
                rows.add(row.toArray(String[]::new));
            }
            boolean[] right = new boolean[header.size()];
            right[0] = true;
            right[1] = true;
            String note = on.note("columns of each group", ShownColumns.inJsonAnd("the Duplicates' largest()"));
            s.table(s.above(sentence + "; the largest:", note), rows, right);
        }
        NearSummary near = d.near();
        if (near != null) {
            String nearSentence = String.format(Locale.ROOT,
                    "Near duplicates of %s (Jaccard >= %s of character %d-grams, exact duplicates included): %s clusters "
                            + "holding %s rows", near.column(), near.threshold(), near.banding().shingleLength(),
                    Counts.count(near.clusters()), Counts.count(near.rowsInClusters()));
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"rows", "first row", "examples"});
            for (NearCluster c : near.largest()) {
                rows.add(new String[] {Counts.count(c.rows()), Counts.count(c.firstRow()), String.join("\n", c.examples())});
            }
            s.table(near.largest().isEmpty() ? nearSentence : nearSentence + "; the largest:", rows,
                    new boolean[] {true, true, false});
        }
        return s.bundle("assay-duplicates", d.toJson());
    }
}
