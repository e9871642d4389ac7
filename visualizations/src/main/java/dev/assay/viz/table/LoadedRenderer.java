package dev.assay.viz.table;

import dev.assay.dsl.load.Loaded;
import dev.assay.viz.Html;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.Renderer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** A load shows what it read (and what it skipped) above the first rows of the new dataset. */
public final class LoadedRenderer implements Renderer<Loaded> {

    private final TableRenderer tables = new TableRenderer();

    @Override
    public MimeBundle render(Loaded loaded) {
        String summary = String.format(Locale.ROOT, "Loaded %,d rows from %s as %s%s", loaded.rows(), loaded.source(),
                loaded.dataset().name(), loaded.rejectedRows() > 0
                        ? String.format(Locale.ROOT, "; skipped %,d malformed rows", loaded.rejectedRows()) : "")
                + loaded.warnings().stream().map(w -> "\nWarning: " + w).collect(Collectors.joining());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("source", loaded.source());
        json.put("format", loaded.format().name().toLowerCase(Locale.ROOT));
        json.put("rejected_rows", loaded.rejectedRows());
        json.put("warnings", loaded.warnings());
        return summaryAbove(tables.render(loaded.dataset().show()), summary, json);
    }

    /**
     * A table preview with a sentence above it (text and HTML) and its JSON as {@code kind: "load"}
     * with {@code fields} added: what every kind of load shows.
     */
    static MimeBundle summaryAbove(MimeBundle table, String summary, Map<String, Object> fields) {
        Map<String, Object> data = new LinkedHashMap<>(table.data());
        data.put(MimeBundle.TEXT_PLAIN, summary + "\n" + table.plainText());
        data.put(MimeBundle.TEXT_HTML, "<p>" + Html.escape(summary).replace("\n", "<br>") + "</p>" + table.data().get(MimeBundle.TEXT_HTML));
        @SuppressWarnings("unchecked")
        Map<String, Object> json = new LinkedHashMap<>((Map<String, Object>) table.data().get(MimeBundle.RESULT_JSON));
        json.put("kind", "load");
        json.putAll(fields);
        data.put(MimeBundle.RESULT_JSON, json);
        return new MimeBundle(data, table.metadata());
    }
}
