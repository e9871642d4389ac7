package dev.assay.kernel.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Frames to messages and back: {@code [identities..., "<IDS|MSG>", signature, header,
 * parent_header, metadata, content, buffers...]}. Decoding checks the signature before it
 * parses any JSON, so an unsigned or forged message never reaches a handler.
 */
public final class WireCodec {

    static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);

    private final MessageSigner signer;

    public WireCodec(MessageSigner signer) {
        this.signer = signer;
    }

    public Message decode(List<byte[]> frames) throws MalformedMessageException {
        int delimiter = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(frames.get(i), DELIMITER)) {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0) {
            throw new MalformedMessageException("no <IDS|MSG> delimiter among " + frames.size() + " frames");
        }
        if (frames.size() < delimiter + 6) {
            throw new MalformedMessageException("truncated message: " + (frames.size() - delimiter - 1)
                    + " frames after the delimiter, expected at least 5");
        }
        byte[] signature = frames.get(delimiter + 1);
        byte[] header = frames.get(delimiter + 2);
        byte[] parent = frames.get(delimiter + 3);
        byte[] metadata = frames.get(delimiter + 4);
        byte[] content = frames.get(delimiter + 5);
        if (!signer.verify(signature, header, parent, metadata, content)) {
            throw new MalformedMessageException(signature.length == 0 ? "missing signature" : "bad signature");
        }
        ObjectNode headerJson = object(header, "header");
        if (!headerJson.path("msg_type").isTextual() || !headerJson.path("msg_id").isTextual()) {
            throw new MalformedMessageException("header lacks msg_type or msg_id");
        }
        return new Message(
                List.copyOf(frames.subList(0, delimiter)),
                headerJson,
                object(parent, "parent_header"),
                object(metadata, "metadata"),
                object(content, "content"),
                List.copyOf(frames.subList(delimiter + 6, frames.size())));
    }

    public List<byte[]> encode(Message message) {
        byte[] header = Json.bytes(message.header());
        byte[] parent = Json.bytes(message.parentHeader());
        byte[] metadata = Json.bytes(message.metadata());
        byte[] content = Json.bytes(message.content());
        List<byte[]> frames = new ArrayList<>(message.identities().size() + 6 + message.buffers().size());
        frames.addAll(message.identities());
        frames.add(DELIMITER);
        frames.add(signer.sign(header, parent, metadata, content).getBytes(StandardCharsets.US_ASCII));
        frames.add(header);
        frames.add(parent);
        frames.add(metadata);
        frames.add(content);
        frames.addAll(message.buffers());
        return frames;
    }

    private static ObjectNode object(byte[] frame, String part) throws MalformedMessageException {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(frame);
        } catch (JsonProcessingException e) {
            throw new MalformedMessageException("broken JSON in " + part + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedMessageException("unreadable " + part + ": " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new MalformedMessageException(part + " is not a JSON object");
        }
        return (ObjectNode) node;
    }
}
