package dev.assay.viz.rows;

import dev.assay.dsl.store.Parent;
import dev.assay.dsl.store.StoredVersion;
import dev.assay.dsl.store.VersionHistory;
import dev.assay.viz.Counts;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.Renderer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/** A label's versions, newest first, then the lineage of the latest back through its parents. */
public final class VersionHistoryRenderer implements Renderer<VersionHistory> {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    /** version, fingerprint, rows, columns, created, parents, made by: counts right, text left. */
    private static final boolean[] ALIGN = {false, false, true, true, false, false, false};

    @Override
    public MimeBundle render(VersionHistory history) {
        Sections s = new Sections();
        List<StoredVersion> newestFirst = new ArrayList<>(history.versions());
        Collections.reverse(newestFirst);
        s.table(history.label() + ": " + history.versions().size() + (history.versions().size() == 1 ? " version" : " versions")
                + ", the latest is " + history.latest().ref(), table(newestFirst), ALIGN);
        if (!history.lineage().isEmpty()) {
            s.table("Lineage of " + history.latest().ref() + " (nearest first):", table(history.lineage()), ALIGN);
        }
        if (!history.missingAncestors().isEmpty()) {
            s.line("Not in this store: " + String.join(", ", history.missingAncestors()));
        }
        return s.bundle("assay-versions", history.toJson());
    }

    private static List<String[]> table(List<StoredVersion> versions) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"version", "fingerprint", "rows", "columns", "created", "parents", "made by"});
        for (StoredVersion v : versions) {
            rows.add(new String[] {v.ref(), v.fingerprint().shortForm() + "…", Counts.count(v.rows()),
                    String.valueOf(v.schema().size()), CREATED.format(v.created()),
                    v.parents().stream().map(Parent::toString).collect(Collectors.joining(", ")),
                    v.command() == null ? "" : v.command()});
        }
        return rows;
    }
}
