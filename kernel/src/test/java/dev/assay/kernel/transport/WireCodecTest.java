package dev.assay.kernel.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireCodecTest {

    private final MessageSigner signer = new MessageSigner("k3y", "hmac-sha256");
    private final WireCodec codec = new WireCodec(signer);

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private List<byte[]> frames(String header, String content) {
        List<byte[]> f = new ArrayList<>();
        f.add(b("client-id"));
        f.add(b("<IDS|MSG>"));
        f.add(b(signer.sign(b(header), b("{}"), b("{}"), b(content))));
        f.add(b(header));
        f.add(b("{}"));
        f.add(b("{}"));
        f.add(b(content));
        return f;
    }

    private static final String HEADER = "{\"msg_id\":\"1\",\"msg_type\":\"kernel_info_request\",\"session\":\"s\","
            + "\"username\":\"u\",\"date\":\"\",\"version\":\"5.4\"}";

    @Test
    void decodesAndReencodesWithIdentities() throws Exception {
        Message m = codec.decode(frames(HEADER, "{\"x\":[1,2]}"));
        assertEquals("kernel_info_request", m.type());
        assertEquals(1, m.identities().size());
        assertArrayEquals(b("client-id"), m.identities().get(0));
        List<byte[]> out = codec.encode(m.reply("kernel_info_reply", Json.object(), "sess"));
        assertArrayEquals(b("client-id"), out.get(0));
        assertArrayEquals(b("<IDS|MSG>"), out.get(1));
        assertTrue(signer.verify(out.get(2), out.get(3), out.get(4), out.get(5), out.get(6)));
        Message reply = codec.decode(out);
        assertEquals("1", reply.parentHeader().path("msg_id").asText());
    }

    @Test
    void rejectsTamperedContent() {
        List<byte[]> f = frames(HEADER, "{\"x\":1}");
        f.set(6, b("{\"x\":2}"));
        MalformedMessageException e = assertThrows(MalformedMessageException.class, () -> codec.decode(f));
        assertEquals("bad signature", e.getMessage());
    }

    @Test
    void rejectsMissingSignature() {
        List<byte[]> f = frames(HEADER, "{}");
        f.set(2, new byte[0]);
        assertEquals("missing signature",
                assertThrows(MalformedMessageException.class, () -> codec.decode(f)).getMessage());
    }

    @Test
    void rejectsTruncatedAndUndelimitedFrames() {
        List<byte[]> f = frames(HEADER, "{}");
        assertTrue(assertThrows(MalformedMessageException.class, () -> codec.decode(f.subList(0, 5)))
                .getMessage().startsWith("truncated message"));
        List<byte[]> noDelimiter = new ArrayList<>(f);
        noDelimiter.remove(1);
        assertTrue(assertThrows(MalformedMessageException.class, () -> codec.decode(noDelimiter))
                .getMessage().startsWith("no <IDS|MSG> delimiter"));
    }

    @Test
    void rejectsBrokenJsonEvenWhenSigned() {
        MalformedMessageException e = assertThrows(MalformedMessageException.class,
                () -> codec.decode(frames(HEADER, "{\"x\":")));
        assertTrue(e.getMessage().startsWith("broken JSON in content"), e.getMessage());
        e = assertThrows(MalformedMessageException.class, () -> codec.decode(frames("[1]", "{}")));
        assertEquals("header is not a JSON object", e.getMessage());
        e = assertThrows(MalformedMessageException.class, () -> codec.decode(frames("{\"msg_id\":\"1\"}", "{}")));
        assertEquals("header lacks msg_type or msg_id", e.getMessage());
    }

    @Test
    void keepsExtraBuffers() throws Exception {
        List<byte[]> f = frames(HEADER, "{}");
        f.add(new byte[] {1, 2, 3});
        Message m = codec.decode(f);
        assertEquals(1, m.buffers().size());
        assertArrayEquals(new byte[] {1, 2, 3}, m.buffers().get(0));
    }
}
