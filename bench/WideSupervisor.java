import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the operations of one table width in child JVMs (WideChild) and turns what they report
 * into result rows. A child that passes an operation's timeout is killed and that operation
 * recorded as timed out; a child that dies is recorded against the operation it was running;
 * either way a fresh child carries on with the operations left.
 */
final class WideSupervisor {

    private final String heap;
    private final Path scratch;
    private final long timeoutMillis;
    private final long cells;
    private int children;
    /** The most resident memory seen in a child, sampled twice a second: a bound when the child never reports. */
    private long largestResident;

    /** Marks {@link #next}'s answer when the child passed the memory cap. */
    private static final String OVER_CAP = "\u0000over cap: ";
    /** The most resident memory a child may take before it is stopped; 8 GB unless ASSAY_BENCH_MAX_RSS_MB says. */
    private final long maxResidentMegabytes = Long.parseLong(System.getenv().getOrDefault("ASSAY_BENCH_MAX_RSS_MB", "8192"));

    WideSupervisor(String heap, Path scratch, long timeoutSeconds, long cells) {
        this.heap = heap;
        this.scratch = scratch;
        this.timeoutMillis = timeoutSeconds * 1000;
        this.cells = cells;
    }

    /** One row per operation, in the order asked. */
    List<Map<String, Object>> measure(Path wide, Path moved, List<String> ops, double repeatUnder) throws Exception {
        Map<String, Map<String, Object>> done = new LinkedHashMap<>();
        List<String> left = new ArrayList<>(ops);
        while (!left.isEmpty()) {
            List<String> arguments = new ArrayList<>(List.of(wide.toString(), moved.toString(), Double.toString(repeatUnder)));
            arguments.addAll(left);
            try (WideChild child = start(arguments)) {
                String current = null;
                long since = System.currentTimeMillis();
                while (!left.isEmpty()) {
                    String line = next(child, since);
                    if (line == null || line.startsWith(OVER_CAP) || line.equals(WideChild.ENDED)) {
                        String why = line == null
                                ? String.format(Locale.ROOT, "timeout after %d s", timeoutMillis / 1000)
                                : line.startsWith(OVER_CAP) ? "failed: " + line.substring(OVER_CAP.length())
                                : "failed: " + child.deathReason();
                        if (current == null) { // it never got to an operation: loading the tables failed
                            for (String op : left) {
                                done.put(op, failure(op, why + " (while loading the tables)"));
                            }
                            left.clear();
                        } else {
                            done.put(current, failure(current, why));
                            left.remove(current);
                        }
                        break;
                    }
                    String[] f = line.split("\t", -1);
                    switch (f[0]) {
                        case "READY" -> System.out.printf(Locale.ROOT, "  (child %d loaded both tables in %s s)%n", children, f[1]);
                        case "START" -> {
                            current = f[1];
                            since = System.currentTimeMillis();
                        }
                        case "DONE" -> {
                            done.put(f[1], success(f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]), Integer.parseInt(f[4])));
                            left.remove(f[1]);
                            current = null;
                        }
                        case "FAIL" -> {
                            done.put(f[1], failure(f[1], "failed: " + f[2]));
                            left.remove(f[1]);
                            current = null;
                        }
                        default -> throw new IllegalStateException("unexpected line from the child: " + line);
                    }
                }
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String op : ops) {
            rows.add(done.get(op));
        }
        return rows;
    }

    /** The peak resident memory of a profile of the table, in a fresh child (WideRunner's memory mode). */
    Map<String, Object> profileMemory(Path wide, Path moved) throws Exception {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("heap", heap);
        try (WideChild child = start(List.of(wide.toString(), moved.toString(), "0", "memory"))) {
            String line = next(child, System.currentTimeMillis());
            if (line == null || line.startsWith(OVER_CAP) || line.equals(WideChild.ENDED)) {
                row.put("status", line == null ? "timeout" : "failed");
                row.put("error", line == null ? String.format(Locale.ROOT, "timeout after %d s", timeoutMillis / 1000)
                        : line.startsWith(OVER_CAP) ? "failed: " + line.substring(OVER_CAP.length())
                        : "failed: " + child.deathReason());
                row.put("largest_rss_seen_mb", largestResident);
            } else {
                String[] f = line.split("\t", -1);
                row.put("status", f[7].equals("ok") ? "ok" : "failed");
                row.put("error", f[7].equals("ok") ? null : "failed: " + f[7]);
                row.put("peak_rss_after_load_mb", Long.parseLong(f[1]));
                row.put("peak_rss_mb", Long.parseLong(f[2]));
                row.put("peak_heap_mb", Long.parseLong(f[3]));
                row.put("profile_seconds", Double.parseDouble(f[4]));
                row.put("peak_reset_after_load", Boolean.parseBoolean(f[5]));
                row.put("load_seconds", Double.parseDouble(f[6]));
            }
        }
        System.out.printf(Locale.ROOT, "  %-16s %s%n", "profile memory", row);
        return row;
    }

    /**
     * The child's next protocol line; null when the operation begun at {@code since} passes the
     * timeout; {@link #OVER_CAP} and why when the child's resident memory passes the cap (it is
     * stopped there: the machine is shared, and the OS's OOM killer might pick a neighbour).
     */
    private String next(WideChild child, long since) throws InterruptedException {
        while (true) {
            long left = timeoutMillis - (System.currentTimeMillis() - since);
            if (left <= 0) {
                return null;
            }
            String line = child.next(Math.min(left, 500));
            if (line != null) {
                return line;
            }
            long resident = child.residentMegabytes();
            largestResident = Math.max(largestResident, resident);
            if (resident > maxResidentMegabytes) {
                return OVER_CAP + String.format(Locale.ROOT, "stopped by the benchmark at %,d MB resident (cap %,d MB, "
                        + "ASSAY_BENCH_MAX_RSS_MB)", resident, maxResidentMegabytes);
            }
        }
    }

    private WideChild start(List<String> arguments) throws IOException {
        children++;
        return WideChild.start(heap, scratch, scratch.resolve("child-" + children + ".log"), arguments);
    }

    private Map<String, Object> success(String op, double compute, double render, int runs) {
        Map<String, Object> row = row(op, "ok");
        double seconds = compute + render;
        row.put("seconds", seconds);
        row.put("compute_seconds", compute);
        row.put("render_seconds", render);
        row.put("runs", runs);
        row.put("seconds_per_million_cells", seconds / (Long) row.get("cells") * 1e6);
        System.out.printf(Locale.ROOT, "  %-16s %9.3f s  %8.4f s per million cells  (compute %.3f s, render %.3f s; %d run%s)%n",
                op, seconds, row.get("seconds_per_million_cells"), compute, render, runs, runs == 1 ? "" : "s, median");
        return row;
    }

    private Map<String, Object> failure(String op, String error) {
        Map<String, Object> row = row(op, error.startsWith("timeout") ? "timeout" : "failed");
        row.put("error", error);
        System.out.printf(Locale.ROOT, "  %-16s %s%n", op, error);
        return row;
    }

    private Map<String, Object> row(String op, String status) {
        WideOps.Op what = WideOps.named(op);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("op", op);
        row.put("assay", what.assay());
        row.put("timed", what.timed());
        row.put("cells", cells * what.sides());
        row.put("status", status);
        row.put("load", WideBench.loadAverage());
        return row;
    }
}
