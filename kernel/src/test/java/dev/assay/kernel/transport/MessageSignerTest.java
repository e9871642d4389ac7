package dev.assay.kernel.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageSignerTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void signatureMatchesPythonHmac() {
        // Expected value from Python: hmac.new(b'secret-key', b'{"a":1}{}{}{"b":2}', hashlib.sha256).hexdigest()
        MessageSigner signer = new MessageSigner("secret-key", "hmac-sha256");
        assertEquals("ae76aeefcff0c221ecc815b72f45810b47290f404ee280ab6c161755f7ddc94b",
                signer.sign(b("{\"a\":1}"), b("{}"), b("{}"), b("{\"b\":2}")));
    }

    @Test
    void verifiesGoodAndRejectsBadOrMissingSignatures() {
        MessageSigner signer = new MessageSigner("secret-key", "hmac-sha256");
        byte[][] parts = {b("{\"a\":1}"), b("{}"), b("{}"), b("{\"b\":2}")};
        String good = signer.sign(parts);
        assertTrue(signer.verify(b(good), parts));
        String flipped = (good.charAt(0) == 'a' ? "b" : "a") + good.substring(1);
        assertFalse(signer.verify(b(flipped), parts));
        assertFalse(signer.verify(new byte[0], parts));
        assertFalse(signer.verify(b(good.substring(1)), parts));
    }

    @Test
    void emptyKeyMeansUnsigned() {
        MessageSigner signer = new MessageSigner("", "hmac-sha256");
        assertEquals("", signer.sign(b("{}")));
        assertTrue(signer.verify(new byte[0], b("{}")));
    }

    @Test
    void unknownSchemeIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MessageSigner("k", "hmac-md5"));
        assertTrue(e.getMessage().contains("hmac-md5"), e.getMessage());
    }
}
