import dev.assay.dsl.duplicates.Duplicates;
import dev.assay.dsl.duplicates.Match;
import dev.assay.dsl.workspace.Dataset;
import dev.assay.dsl.workspace.Workspace;
import java.util.Arrays;
import java.util.Locale;

/**
 * Near duplicates of templated texts (issue 20, item 17): every text is one sentence with a
 * six-digit code, so all n texts are near duplicates of each other and n²/2 pairs are
 * similar. The time per text must stay about flat as n doubles:
 *
 *   bench/run TemplatedNearBench [SIZES...]    (default 5000 10000 20000 40000)
 *
 * For each size: {@code duplicates ... near 0.7}, {@code dedup ... near 0.7} and
 * {@code leakage ... near 0.7} of two halves, each the median of three runs after a
 * warm-up, with the peak heap. Run it with ASSAY_MEMORY_LIMIT=1GB and ASSAY_BENCH_HEAP=256m
 * for the limits of the report.
 */
public class TemplatedNearBench {

    public static void main(String[] args) {
        long[] sizes = args.length > 0
                ? Arrays.stream(args).mapToLong(a -> Long.parseLong(a.replace("_", ""))).toArray()
                : new long[] {5_000, 10_000, 20_000, 40_000};
        try (Workspace ws = Workspace.embedded()) {
            System.out.printf(Locale.ROOT, "max heap %,d MB, ASSAY_MEMORY_LIMIT %s%n", Runtime.getRuntime().maxMemory() >> 20,
                    System.getenv().getOrDefault("ASSAY_MEMORY_LIMIT", "(default)"));
            System.out.printf(Locale.ROOT, "%8s %12s %12s %12s %14s %10s%n", "texts", "duplicates", "dedup", "leakage",
                    "us/text (dup)", "clusters");
            for (long n : sizes) {
                ws.query("SELECT i AS id, 'Your verification code is ' || lpad(((i * 7919) % 1000000)::VARCHAR, 6, '0') "
                        + "|| '. Do not share it with anyone, our staff will never ask for it.' AS msg FROM range(" + n + ") t(i)",
                        "codes");
                ws.query("SELECT * FROM codes WHERE id % 2 = 0", "left_half");
                ws.query("SELECT * FROM codes WHERE id % 2 = 1", "right_half");
                Dataset codes = ws.dataset("codes");
                Match near = Match.on("msg").near(0.7);
                Duplicates found = codes.duplicates(near);
                double duplicates = Measure.median(() -> codes.duplicates(near));
                double dedup = Measure.median(() -> codes.dedup("clean", near));
                double leakage = Measure.median(() -> ws.dataset("left_half").leakage(ws.dataset("right_half"), near));
                System.out.printf(Locale.ROOT, "%,8d %10.2f s %10.2f s %10.2f s %14.1f %10d%n", n, duplicates, dedup, leakage,
                        duplicates * 1e6 / n, found.near().clusters());
            }
            System.out.printf(Locale.ROOT, "peak heap used %,d MB%n", Measure.peakHeapBytes() >> 20);
        }
    }
}
