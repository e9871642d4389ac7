import dev.assay.bench.KernelOverheadJmh;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Version;

/**
 * What the kernel adds on top of JShell for one cell, in process, without sockets: runs the
 * two JMH benchmarks of {@link KernelOverheadJmh} (the executor's {@code 1+1} and a bare
 * JShell's), each in a JVM forked by JMH, and makes one row of their mean times, their ratio
 * and the overhead (executor minus bare) with JMH's error, against the 2 ms target. Like
 * every row of the table, the verdict is the point estimate's; the note says when the
 * overhead's interval reaches across the target.
 *
 *   java KernelOverhead [--quick]      (bench/run KernelOverhead [--quick]) prints the row alone
 */
final class KernelOverhead {

    private static final double TARGET_MS = 2.0;
    private static final String ADD_OPENS = "--add-opens=java.base/java.nio=ALL-UNNAMED";

    /** Forks per benchmark, warm-up and measured iterations, and the length of one iteration. */
    private record Plan(int forks, int warmups, int iterations, int seconds) {
        String describe() {
            return String.format(Locale.ROOT, "%d fork%s per benchmark, %d warm-up and %d measured iterations of %d s",
                    forks, forks == 1 ? "" : "s", warmups, iterations, seconds);
        }
    }

    /*
     * Iterations stay at 1 s: each starts a fresh shell (see KernelOverheadJmh), and a longer
     * one would time evaluations further into the shell's growth. Making the state takes
     * about as long again as the iteration, so quick is about 40 s in all, full about 70 s.
     */
    private static final Plan QUICK = new Plan(1, 5, 5, 1);
    private static final Plan FULL = new Plan(1, 8, 15, 1);

    private KernelOverhead() {
    }

    public static void main(String[] args) throws RunnerException {
        System.out.println(measure(List.of(args).contains("--quick")).json());
    }

    static BenchRow measure(boolean quick) throws RunnerException {
        Plan plan = quick ? QUICK : FULL;
        String benchmarks = KernelOverheadJmh.class.getName();
        Options options = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmarks) + "\\.")
                .forks(plan.forks())
                .warmupIterations(plan.warmups())
                .warmupTime(TimeValue.seconds(plan.seconds()))
                .measurementIterations(plan.iterations())
                .measurementTime(TimeValue.seconds(plan.seconds()))
                .jvmArgs(forkJvmArgs().toArray(String[]::new))
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Result<?> executor = score(results, benchmarks + ".executor");
        Result<?> bare = score(results, benchmarks + ".bareJShell");
        double overhead = executor.getScore() - bare.getScore();
        // Half-widths of the two 99.9% intervals JMH reports, combined as for a difference of
        // independent estimates.
        double error = Math.hypot(executor.getScoreError(), bare.getScoreError());
        boolean met = overhead < TARGET_MS;
        boolean decided = met ? overhead + error < TARGET_MS : overhead - error >= TARGET_MS;
        return new BenchRow("kernel", "one cell in process: executor vs bare JShell, mean (JMH)",
                "CellExecutor.execute(\"1+1\") (split, eval, render, ordered outputs) vs JShell.eval(\"1+1\"), local engine, "
                        + "each in its own JVM, with a fresh executor or shell (started, warmed up by one snippet, not timed) "
                        + "for every iteration; JMH " + Version.getPlainVersion() + " average time per call, " + plan.describe(),
                executor.getScore(), bare.getScore(), "bare JShell eval", "ms", "lower", null,
                String.format(Locale.ROOT, "executor %s, bare %s; overhead %.2f +/- %.2f ms (target under %.0f ms: %s%s)",
                        figure(executor), figure(bare), overhead, error, TARGET_MS, met ? "met" : "MISSED",
                        decided ? "" : ", within the error"));
    }

    /** The host's heap limit and the opening Arrow needs; the forks run from the host's class path. */
    private static List<String> forkJvmArgs() {
        List<String> args = new ArrayList<>();
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-Xmx")) {
                args.add(arg);
            }
        }
        args.add(ADD_OPENS);
        args.add("-Djava.awt.headless=true");
        return args;
    }

    private static Result<?> score(Collection<RunResult> results, String benchmark) {
        for (RunResult result : results) {
            if (result.getParams().getBenchmark().equals(benchmark)) {
                Result<?> primary = result.getPrimaryResult();
                if (!"ms/op".equals(primary.getScoreUnit())) {
                    throw new IllegalStateException(benchmark + " reported " + primary.getScoreUnit() + ", not ms/op");
                }
                return primary;
            }
        }
        throw new IllegalStateException("JMH returned no result for " + benchmark);
    }

    private static String figure(Result<?> result) {
        return String.format(Locale.ROOT, "%.3f +/- %.3f ms", result.getScore(), result.getScoreError());
    }
}
