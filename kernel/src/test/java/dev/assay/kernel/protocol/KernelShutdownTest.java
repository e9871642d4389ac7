package dev.assay.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KernelShutdownTest {

    @Test
    void shutdownOnControlRepliesAndReleasesTheServer() throws Exception {
        try (TestKernel kernel = new TestKernel(); WireClient client = new WireClient(kernel)) {
            client.send(client.control, "shutdown_request", WireClient.JSON.createObjectNode().put("restart", true));
            WireClient.Msg reply = client.reply(client.control);
            assertEquals("shutdown_reply", reply.type());
            assertEquals("ok", reply.content().path("status").asText());
            assertTrue(reply.content().path("restart").asBoolean());
            assertTrue(kernel.server().awaitShutdown(), "restart flag reaches the caller");
        }
    }
}
