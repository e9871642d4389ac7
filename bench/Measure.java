import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** What every benchmark measures the same way: medians of timed runs, the peak heap, a ratio row. */
final class Measure {

    private Measure() {
    }

    /** The median of three timed runs after one untimed warm-up, in seconds. */
    static double median(Supplier<Object> work) {
        work.get();
        double[] t = new double[3];
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            work.get();
            t[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(t);
        return t[1];
    }

    /** The most the heap pools have held at once so far: rows kept in Java would show here. */
    static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** A memory figure of this process from /proc/self/status ("VmRSS", "VmHWM", ...), in kilobytes; -1 if absent. */
    static long procStatusKilobytes(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** One line: Assay's time, the baseline's, and their ratio. */
    static void row(String what, double assay, String baseline, double base) {
        System.out.printf(Locale.ROOT, "%-42s %7.2f s | %-38s %7.2f s | %.2fx%n", what, assay, baseline, base, assay / base);
    }

    /** Removes a folder and everything in it (best effort: it is scratch space). */
    static void deleteTree(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // scratch space in the benchmark's data folder
        }
    }
}
