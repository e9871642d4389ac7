package dev.assay.kernel.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.kernel.KernelVersion;
import dev.assay.kernel.transport.Json;
import dev.assay.kernel.transport.Message;

/** The content of kernel_info_reply: who we are and which Java this is. */
public final class KernelInfo {

    public static final String IMPLEMENTATION = "assay";
    public static final String JAVA_VERSION = Runtime.version().feature() + "."
            + Runtime.version().interim() + "." + Runtime.version().update();

    private KernelInfo() {
    }

    public static ObjectNode content() {
        ObjectNode content = Json.object();
        content.put("status", "ok");
        content.put("protocol_version", Message.PROTOCOL_VERSION);
        content.put("implementation", IMPLEMENTATION);
        content.put("implementation_version", KernelVersion.get());
        content.set("language_info", languageInfo());
        content.put("banner", "Assay " + KernelVersion.get() + " | Java " + System.getProperty("java.version")
                + " (JShell), %%sql on an embedded DuckDB; %lsmagic lists the magics");
        content.put("debugger", false);
        content.putArray("help_links")
                .addObject().put("text", "Java API (JDK " + Runtime.version().feature() + ")")
                .put("url", "https://docs.oracle.com/en/java/javase/" + Runtime.version().feature() + "/docs/api/");
        return content;
    }

    public static ObjectNode languageInfo() {
        ObjectNode info = Json.object();
        info.put("name", "java");
        info.put("version", JAVA_VERSION);
        info.put("mimetype", "text/x-java");
        info.put("file_extension", ".jshell");
        info.put("pygments_lexer", "java");
        info.put("codemirror_mode", "text/x-java");
        info.put("nbconvert_exporter", "script");
        return info;
    }
}
