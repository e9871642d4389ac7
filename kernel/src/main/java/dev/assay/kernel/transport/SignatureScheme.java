package dev.assay.kernel.transport;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code signature_scheme} values of a connection file that the kernel can sign with:
 * the SHA-family HMACs the JDK ships (not MD5, which nobody should sign with), named as
 * Jupyter names them.
 */
public final class SignatureScheme {

    private static final Map<String, String> JCA_NAMES = new TreeMap<>(Map.of(
            "hmac-sha1", "HmacSHA1",
            "hmac-sha224", "HmacSHA224",
            "hmac-sha256", "HmacSHA256",
            "hmac-sha384", "HmacSHA384",
            "hmac-sha512", "HmacSHA512"));

    private SignatureScheme() {
    }

    /** The JDK's name of the MAC for a Jupyter scheme name, when it is supported. */
    public static Optional<String> jcaName(String scheme) {
        return Optional.ofNullable(JCA_NAMES.get(scheme));
    }

    /** Every supported scheme, for messages that say what would have worked. */
    public static String supported() {
        return String.join(", ", JCA_NAMES.keySet());
    }
}
