package dev.assay.kernel.transport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * One Jupyter message: the routing identities it came with, and its four JSON parts.
 * Replies and broadcasts are built from the request they answer so that the parent
 * header and the routing identities are always right.
 */
public record Message(
        List<byte[]> identities,
        ObjectNode header,
        ObjectNode parentHeader,
        ObjectNode metadata,
        ObjectNode content,
        List<byte[]> buffers) {

    public static final String PROTOCOL_VERSION = "5.4";

    private static final DateTimeFormatter ISO_MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    public String type() {
        return header.path("msg_type").asText();
    }

    public String id() {
        return header.path("msg_id").asText();
    }

    /** A reply on the same channel, routed back to the sender. */
    public Message reply(String type, ObjectNode content, String session) {
        return new Message(identities, newHeader(type, session), header.deepCopy(), Json.object(), content, List.of());
    }

    /** A broadcast on IOPub whose parent is this message. */
    public Message broadcast(String type, ObjectNode content, String session) {
        byte[] topic = ("kernel." + session + "." + type).getBytes(StandardCharsets.UTF_8);
        return new Message(List.of(topic), newHeader(type, session), header.deepCopy(), Json.object(), content, List.of());
    }

    /** A message with no parent (IOPub output from a thread after its cell, say). */
    public static Message orphan(String type, ObjectNode content, String session) {
        byte[] topic = ("kernel." + session + "." + type).getBytes(StandardCharsets.UTF_8);
        return new Message(List.of(topic), newHeader(type, session), Json.object(), Json.object(), content, List.of());
    }

    public static ObjectNode newHeader(String type, String session) {
        ObjectNode h = Json.object();
        h.put("msg_id", UUID.randomUUID().toString());
        h.put("session", session);
        h.put("username", "assay");
        h.put("date", ISO_MICROS.format(Instant.now()));
        h.put("msg_type", type);
        h.put("version", PROTOCOL_VERSION);
        return h;
    }
}
