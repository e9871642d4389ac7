package dev.assay.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven stamped into the build. */
public final class KernelVersion {

    private static final String VERSION = load();

    private KernelVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        Properties p = new Properties();
        try (InputStream in = KernelVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // fall through to "unknown": a missing version must not stop the kernel
        }
        return p.getProperty("version", "unknown");
    }
}
