package dev.assay.kernel.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/** The connection file a Jupyter client writes: where to bind and how to sign. */
public record ConnectionInfo(
        String transport,
        String ip,
        int shellPort,
        int controlPort,
        int iopubPort,
        int stdinPort,
        int hbPort,
        String key,
        String signatureScheme) {

    public static ConnectionInfo read(Path file) throws IOException {
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        if (json == null || !json.isObject()) {
            throw new IOException("connection file " + file + " is not a JSON object");
        }
        String scheme = text(json, "signature_scheme", "hmac-sha256");
        if (SignatureScheme.jcaName(scheme).isEmpty()) {
            // Checked here, before any socket or JShell exists, so that the kernel can say why it ends.
            throw new IOException("unsupported signature_scheme '" + scheme + "'; supported: " + SignatureScheme.supported());
        }
        return new ConnectionInfo(
                text(json, "transport", "tcp"),
                text(json, "ip", "127.0.0.1"),
                port(json, "shell_port"),
                port(json, "control_port"),
                port(json, "iopub_port"),
                port(json, "stdin_port"),
                port(json, "hb_port"),
                text(json, "key", ""),
                scheme);
    }

    /** The ZeroMQ endpoint of one channel, exactly as the file says (tcp or ipc). */
    public String endpoint(int port) {
        if ("ipc".equals(transport)) {
            return "ipc://" + ip + "-" + port;
        }
        return transport + "://" + ip + ":" + port;
    }

    private static String text(JsonNode json, String field, String fallback) {
        JsonNode v = json.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    private static int port(JsonNode json, String field) throws IOException {
        JsonNode v = json.get(field);
        if (v == null || !v.canConvertToInt()) {
            throw new IOException("connection file has no valid '" + field + "'");
        }
        return v.asInt();
    }
}
