package dev.assay.viz.rows;

import dev.assay.viz.Counts;
import dev.assay.dsl.split.SplitResult;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.Renderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A split: one row per part with its size, share and label counts. */
public final class SplitRenderer implements Renderer<SplitResult> {

    @Override
    public MimeBundle render(SplitResult r) {
        String how = switch (r.method()) {
            case "hash" -> "by hash of " + (r.key().isEmpty() ? "the whole row" : String.join(", ", r.key()));
            case "hash-exact" -> "by hash of " + (r.key().isEmpty() ? "the whole row" : String.join(", ", r.key()))
                    + ", in parts of exact sizes";
            case "group" -> "keeping each " + String.join(", ", r.key()) + " in one part";
            case "stratified" -> "stratified by " + r.labelColumn();
            default -> "in time order";
        };
        List<String[]> rows = new ArrayList<>();
        rows.add(r.labelColumn() == null ? new String[] {"part", "rows", "share"}
                : new String[] {"part", "rows", "share", r.labelColumn()});
        for (SplitResult.Part p : r.parts()) {
            String share = String.format(Locale.ROOT, "%.2f%%", 100 * p.fraction());
            rows.add(r.labelColumn() == null ? new String[] {p.name(), Counts.count(p.rows()), share}
                    : new String[] {p.name(), Counts.count(p.rows()), share, labels(p.labelCounts())});
        }
        Sections sections = new Sections().table(String.format(Locale.ROOT, "Split %s (%s rows) %s, seed %d:", r.source(),
                Counts.count(r.rows()), how, r.seed()), rows, new boolean[] {false, true, true, false});
        return (r.note() == null ? sections : sections.line(r.note())).bundle("assay-split", r.toJson());
    }

    private static String labels(Map<String, Long> counts) {
        List<String> out = new ArrayList<>();
        counts.forEach((k, v) -> out.add(k + ": " + Counts.count(v)));
        return String.join(", ", out);
    }
}
