package dev.assay.viz.table;

import dev.assay.dsl.workspace.LoadedPin;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.Renderer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A loaded pin names the version and its checked fingerprint above the first rows. */
public final class LoadedPinRenderer implements Renderer<LoadedPin> {

    private final TableRenderer tables = new TableRenderer();

    @Override
    public MimeBundle render(LoadedPin loaded) {
        String summary = String.format(Locale.ROOT, "Loaded %s as %s: %,d rows, content checked against %s",
                loaded.version().ref(), loaded.dataset().name(), loaded.version().rows(), loaded.version().fingerprint());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("source", "pin '" + loaded.version().ref() + "'");
        json.put("format", "pin");
        json.put("version", loaded.version().toJson());
        return LoadedRenderer.summaryAbove(tables.render(loaded.dataset().show()), summary, json);
    }
}
