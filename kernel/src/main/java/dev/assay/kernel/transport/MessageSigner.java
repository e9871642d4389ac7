package dev.assay.kernel.transport;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC signatures of the wire protocol. An empty key means messages are not signed
 * (the spec's rule); otherwise every incoming signature is checked in constant time.
 */
public final class MessageSigner {

    private final SecretKeySpec key;
    private final String algorithm;

    public MessageSigner(String key, String scheme) {
        if (key == null || key.isEmpty()) {
            this.key = null;
            this.algorithm = null;
            return;
        }
        this.algorithm = SignatureScheme.jcaName(scheme).orElseThrow(() -> new IllegalArgumentException(
                "unsupported signature_scheme '" + scheme + "'; supported: " + SignatureScheme.supported()));
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm);
    }

    /** The hex signature of header, parent header, metadata and content, in that order. */
    public String sign(byte[]... parts) {
        if (key == null) {
            return "";
        }
        Mac mac = newMac();
        for (byte[] part : parts) {
            mac.update(part);
        }
        return HexFormat.of().formatHex(mac.doFinal());
    }

    public boolean verify(byte[] signature, byte[]... parts) {
        if (key == null) {
            return true;
        }
        byte[] expected = sign(parts).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC unavailable: " + e.getMessage(), e);
        }
    }
}
