package dev.assay.kernel.extension;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds extensions with {@link ServiceLoader}: the classes named in
 * {@code META-INF/services/dev.assay.kernel.extension.AssayExtension} of every jar and folder
 * a class loader sees. One that cannot be loaded or created is reported with its class and
 * what went wrong; the others are still found.
 */
public final class ExtensionDiscovery {

    static final String SERVICE_FILE = "META-INF/services/" + AssayExtension.class.getName();
    private static final Pattern PROVIDER = Pattern.compile("Provider (\\S+)");

    /** Bounds the search when the service loader keeps failing on the same entry. */
    private static final int MAX_FAILURES = 100;

    /** An extension, created, and the jar or folder it came from. */
    record Found(AssayExtension extension, String source) {
    }

    private ExtensionDiscovery() {
    }

    /**
     * The extensions {@code loader} offers whose classes are not in {@code known}, the
     * built-in one first; a line for each that failed goes to {@code problems}.
     */
    static List<Found> find(ClassLoader loader, Set<String> known, List<String> problems) {
        List<ServiceLoader.Provider<AssayExtension>> providers = new ArrayList<>();
        Iterator<ServiceLoader.Provider<AssayExtension>> it = ServiceLoader.load(AssayExtension.class, loader).stream().iterator();
        int failures = 0;
        while (failures < MAX_FAILURES) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                ServiceLoader.Provider<AssayExtension> provider = it.next();
                if (!known.contains(provider.type().getName())) {
                    providers.add(provider);
                }
            } catch (ServiceConfigurationError | LinkageError e) {
                failures++;
                problems.add("Extension could not be loaded: " + describe(e) + listedIn(loader, e));
            }
        }
        providers.sort(Comparator.comparing(p -> p.type() != BuiltInExtension.class));
        List<Found> found = new ArrayList<>();
        for (ServiceLoader.Provider<AssayExtension> provider : providers) {
            String source = source(provider.type());
            try {
                found.add(new Found(provider.get(), source));
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                problems.add("Extension " + provider.type().getName() + " (" + source + ") could not be created: " + describe(e));
            }
        }
        return found;
    }

    /** Where the class a failure names is listed: the service files (in their jars) that name it. */
    private static String listedIn(ClassLoader loader, Throwable e) {
        Matcher named = PROVIDER.matcher(String.valueOf(e.getMessage()));
        if (!named.find()) {
            return "";
        }
        List<String> files = new ArrayList<>();
        try {
            for (URL file : Collections.list(loader.getResources(SERVICE_FILE))) {
                try (InputStream in = file.openStream()) {
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    if (text.lines().map(l -> l.replaceAll("#.*", "").strip()).anyMatch(named.group(1)::equals)) {
                        files.add(place(file));
                    }
                }
            }
        } catch (IOException ignored) {
            return ""; // the failure itself is reported; where it is listed is a help only
        }
        return files.isEmpty() ? "" : "; listed in " + String.join(", ", files);
    }

    /** A service file as users know it: the jar holding it, or its path in a folder. */
    private static String place(URL file) {
        String text = file.toString();
        if (text.startsWith("jar:file:") && text.contains("!/")) {
            return text.substring("jar:file:".length(), text.indexOf("!/"));
        }
        return "file".equals(file.getProtocol()) ? file.getPath() : text;
    }

    /** The jar or folder a class was loaded from, as a file path where it has one. */
    static String source(Class<?> type) {
        CodeSource code = type.getProtectionDomain().getCodeSource();
        URL location = code == null ? null : code.getLocation();
        if (location == null) {
            return "unknown location";
        }
        return "file".equals(location.getProtocol()) ? location.getPath() : location.toString();
    }

    /** An error as a user reads it: its message and the causes' messages, no stack trace. */
    public static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(message(e));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(" (").append(message(cause)).append(')');
        }
        return text.toString();
    }

    private static String message(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
