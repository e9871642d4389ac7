package dev.assay.kernel.protocol;

import dev.assay.kernel.transport.Json;
import dev.assay.kernel.transport.KernelTransport;
import dev.assay.kernel.transport.Message;

/** Asks the client for a line of input on stdin, on behalf of the request whose cell wants it. */
final class StdinChannel {

    private final KernelTransport transport;
    private final String session;

    StdinChannel(KernelTransport transport, String session) {
        this.transport = transport;
        this.session = session;
    }

    /** Asks the client that sent {@code parent} for a line; waits until it answers. */
    String request(Message parent, String prompt, boolean password) throws InterruptedException {
        Message ask = parent.reply("input_request",
                Json.object().put("prompt", prompt).put("password", password), session);
        return transport.askInput(ask).content().path("value").asText("");
    }
}
