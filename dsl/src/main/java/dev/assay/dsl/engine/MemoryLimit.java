package dev.assay.dsl.engine;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much memory the engine may use before it spills to disk. The engine lives in the same
 * process as the Java heap, so the default leaves the heap room: 80% of what physical memory
 * the heap's maximum does not claim. {@code ASSAY_MEMORY_LIMIT} (e.g. {@code 4GB}) overrides it.
 */
public record MemoryLimit(long bytes) {

    public static final String ENVIRONMENT_VARIABLE = "ASSAY_MEMORY_LIMIT";
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(B|KB|MB|GB|TB|KIB|MIB|GIB|TIB)",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, Long> UNITS = Map.of("B", 1L, "KB", 1000L, "MB", 1000_000L, "GB", 1000_000_000L,
            "TB", 1000_000_000_000L, "KIB", 1L << 10, "MIB", 1L << 20, "GIB", 1L << 30, "TIB", 1L << 40);
    /** Below this DuckDB cannot run even small queries. */
    private static final long MINIMUM = 64L << 20;

    public MemoryLimit {
        if (bytes < MINIMUM) {
            throw new IllegalArgumentException("a memory limit of " + bytes + " bytes is too small: give at least 64MB");
        }
    }

    /** A size as people write it: {@code 4GB}, {@code 512MB}, {@code 1.5GiB}. */
    public static MemoryLimit parse(String size) {
        Matcher m = SIZE.matcher(size.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + size + "' is not a memory size: write a number and a unit, like 4GB or 512MB");
        }
        double bytes = Double.parseDouble(m.group(1)) * UNITS.get(m.group(2).toUpperCase(Locale.ROOT));
        return new MemoryLimit((long) bytes);
    }

    /** The limit from the environment if set there (a bad value is an error naming the variable), else the default. */
    public static MemoryLimit fromEnvironment(Map<String, String> environment) {
        String configured = environment.get(ENVIRONMENT_VARIABLE);
        if (configured == null || configured.isBlank()) {
            return defaultLimit();
        }
        try {
            return parse(configured);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ENVIRONMENT_VARIABLE + ": " + e.getMessage(), e);
        }
    }

    static MemoryLimit defaultLimit() {
        long physical = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        long heap = Runtime.getRuntime().maxMemory();
        return new MemoryLimit(Math.max(MINIMUM, (long) ((physical - Math.min(heap, physical / 2)) * 0.8)));
    }

    /** As DuckDB's memory_limit setting takes it. */
    String setting() {
        return bytes + "B";
    }
}
