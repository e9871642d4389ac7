package dev.assay.viz.rows;

import dev.assay.viz.Counts;
import dev.assay.dsl.store.Pinned;
import dev.assay.dsl.store.StoredVersion;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.Renderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A pin: which version the dataset now is, its fingerprint, and the lineage recorded with it. */
public final class PinnedRenderer implements Renderer<Pinned> {

    @Override
    public MimeBundle render(Pinned pinned) {
        StoredVersion v = pinned.version();
        Sections s = new Sections();
        s.line(pinned.added()
                ? String.format(Locale.ROOT, "Pinned %s as %s: %s rows, %d columns, %s", pinned.dataset(), v.ref(),
                        Counts.count(v.rows()), v.schema().size(), v.fingerprint())
                : String.format(Locale.ROOT, "%s is unchanged: it is %s (%s), so no version was added", pinned.dataset(),
                        v.ref(), v.fingerprint()));
        s.line(lineage(v));
        if (!v.operations().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"step", "statement"});
            for (int i = 0; i < v.operations().size(); i++) {
                rows.add(new String[] {String.valueOf(i + 1), v.operations().get(i)});
            }
            s.table("Made by:", rows, new boolean[] {true, false});
        }
        return s.bundle("assay-pin", pinned.toJson());
    }

    /** One sentence naming the parents, or saying there are none. */
    static String lineage(StoredVersion v) {
        if (v.parents().isEmpty()) {
            return v.operations().isEmpty() ? "Lineage: unknown (made by statements Assay did not see)"
                    : "Lineage: no pinned parent";
        }
        return "Parents: " + v.parents().stream().map(p -> p + " (" + p.fingerprint().shortForm() + "…)")
                .collect(Collectors.joining(", "));
    }
}
