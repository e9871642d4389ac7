package dev.assay.kernel.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.kernel.transport.Json;
import dev.assay.kernel.transport.KernelTransport;
import dev.assay.kernel.transport.Message;

/** IOPub as the protocol sees it: outputs and status addressed to the request they belong to. */
public final class IopubChannel {

    private final KernelTransport transport;
    private final String session;

    IopubChannel(KernelTransport transport, String session) {
        this.transport = transport;
        this.session = session;
    }

    public void publish(Message parent, String type, ObjectNode content) {
        transport.publish(parent == null
                ? Message.orphan(type, content, session)
                : parent.broadcast(type, content, session));
    }

    public void status(Message parent, String state) {
        publish(parent, "status", Json.object().put("execution_state", state));
    }
}
