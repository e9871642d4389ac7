package dev.assay.kernel.protocol;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.kernel.exec.CellError;
import dev.assay.kernel.exec.OutputSink;
import dev.assay.kernel.transport.Json;
import dev.assay.kernel.transport.Message;
import dev.assay.viz.MimeBundle;

/** A cell's outputs as IOPub messages whose parent is the execute_request. */
final class IopubSink implements OutputSink {

    private final IopubChannel iopub;
    private final Message request;

    IopubSink(IopubChannel iopub, Message request) {
        this.iopub = iopub;
        this.request = request;
    }

    @Override
    public void started(int executionCount, String code) {
        iopub.publish(request, "execute_input", Json.object().put("code", code).put("execution_count", executionCount));
    }

    @Override
    public void stream(String name, String text) {
        iopub.publish(request, "stream", Json.object().put("name", name).put("text", text));
    }

    @Override
    public void display(MimeBundle bundle, String displayId) {
        iopub.publish(request, "display_data", bundleContent(bundle, displayId));
    }

    @Override
    public void updateDisplay(MimeBundle bundle, String displayId) {
        iopub.publish(request, "update_display_data", bundleContent(bundle, displayId));
    }

    @Override
    public void clearOutput(boolean wait) {
        iopub.publish(request, "clear_output", Json.object().put("wait", wait));
    }

    @Override
    public void executeResult(int executionCount, MimeBundle bundle) {
        ObjectNode content = bundleContent(bundle, null);
        content.put("execution_count", executionCount);
        iopub.publish(request, "execute_result", content);
    }

    @Override
    public void error(CellError error) {
        iopub.publish(request, "error", errorContent(error));
    }

    static ObjectNode bundleContent(MimeBundle bundle, String displayId) {
        ObjectNode content = Json.object();
        content.set("data", Json.tree(bundle.data()));
        content.set("metadata", Json.tree(bundle.metadata()));
        ObjectNode transientPart = content.putObject("transient");
        if (displayId != null) {
            transientPart.put("display_id", displayId);
        }
        return content;
    }

    static ObjectNode errorContent(CellError error) {
        ObjectNode content = Json.object();
        content.put("ename", error.ename());
        content.put("evalue", error.evalue());
        ArrayNode traceback = content.putArray("traceback");
        error.traceback().forEach(traceback::add);
        return content;
    }
}
