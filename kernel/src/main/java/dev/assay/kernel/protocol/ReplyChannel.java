package dev.assay.kernel.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.kernel.transport.Message;

/** Sends a reply to a request back on the socket it came in on. */
@FunctionalInterface
interface ReplyChannel {
    void reply(Message request, String type, ObjectNode content);
}
