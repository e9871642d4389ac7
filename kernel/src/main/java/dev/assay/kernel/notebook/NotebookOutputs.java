package dev.assay.kernel.notebook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.kernel.exec.CellError;
import dev.assay.kernel.exec.OutputSink;
import dev.assay.kernel.transport.Json;
import dev.assay.viz.MimeBundle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cell's outputs as nbformat 4 output objects, built the way a notebook client keeps them:
 * consecutive stream text merged, {@code clear_output(wait)} deferred to the next output,
 * and display updates applied in place to every output with that display id, in any cell.
 */
final class NotebookOutputs implements OutputSink {

    private final ArrayNode outputs = Json.MAPPER.createArrayNode();
    private final Map<String, List<ObjectNode>> displays;
    private boolean clearPending;

    /** {@code displays} is shared by all cells of a run: a later cell may update an earlier display. */
    NotebookOutputs(Map<String, List<ObjectNode>> displays) {
        this.displays = displays;
    }

    ArrayNode outputs() {
        return outputs;
    }

    @Override
    public synchronized void stream(String name, String text) {
        applyPendingClear();
        if (!outputs.isEmpty()) {
            ObjectNode last = (ObjectNode) outputs.get(outputs.size() - 1);
            if ("stream".equals(last.path("output_type").asText()) && name.equals(last.path("name").asText())) {
                last.put("text", last.path("text").asText() + text);
                return;
            }
        }
        ObjectNode out = outputs.addObject();
        out.put("output_type", "stream");
        out.put("name", name);
        out.put("text", text);
    }

    @Override
    public synchronized void display(MimeBundle bundle, String displayId) {
        applyPendingClear();
        ObjectNode out = outputs.addObject();
        out.put("output_type", "display_data");
        fill(out, bundle);
        if (displayId != null) {
            displays.computeIfAbsent(displayId, id -> new ArrayList<>()).add(out);
        }
    }

    @Override
    public synchronized void updateDisplay(MimeBundle bundle, String displayId) {
        for (ObjectNode out : displays.getOrDefault(displayId, List.of())) {
            fill(out, bundle);
        }
    }

    @Override
    public synchronized void clearOutput(boolean wait) {
        if (wait) {
            clearPending = true;
        } else {
            clear();
        }
    }

    @Override
    public synchronized void executeResult(int executionCount, MimeBundle bundle) {
        applyPendingClear();
        ObjectNode out = outputs.addObject();
        out.put("output_type", "execute_result");
        out.put("execution_count", executionCount);
        fill(out, bundle);
    }

    @Override
    public synchronized void error(CellError error) {
        applyPendingClear();
        ObjectNode out = outputs.addObject();
        out.put("output_type", "error");
        out.put("ename", error.ename());
        out.put("evalue", error.evalue());
        ArrayNode traceback = out.putArray("traceback");
        error.traceback().forEach(traceback::add);
    }

    private void applyPendingClear() {
        if (clearPending) {
            clear();
        }
    }

    /** Forgets this cell's outputs; displays of earlier cells stay updatable. */
    private void clear() {
        clearPending = false;
        Set<ObjectNode> cleared = Collections.newSetFromMap(new IdentityHashMap<>());
        outputs.forEach(out -> cleared.add((ObjectNode) out));
        displays.values().forEach(shown -> shown.removeIf(cleared::contains));
        outputs.removeAll();
    }

    private static void fill(ObjectNode out, MimeBundle bundle) {
        out.set("data", Json.tree(bundle.data()));
        out.set("metadata", Json.tree(bundle.metadata()));
    }
}
