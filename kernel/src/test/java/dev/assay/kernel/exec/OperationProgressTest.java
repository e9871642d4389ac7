package dev.assay.kernel.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assay.viz.ProgressBar;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OperationProgressTest {

    private static final long SECOND = 1_000_000_000L;

    /** Keeps what the bar showed, as "kind: text". */
    private static final class Recorded implements ProgressView {
        final List<String> seen = new ArrayList<>();

        @Override public void show(ProgressBar bar) { seen.add("show: " + bar.text()); }
        @Override public void update(ProgressBar bar) { seen.add("update: " + bar.text()); }
        @Override public void finish(ProgressBar bar) { seen.add("finish: " + bar.text()); }
    }

    @Test
    void quietForTheFirstSecondThenFollowsTheQueryAndEndsWithTheTimeTaken() {
        AtomicLong now = new AtomicLong(5 * SECOND);
        OptionalDouble[] percent = {OptionalDouble.of(10)};
        Recorded view = new Recorded();
        OperationProgress progress = OperationProgress.unscheduled("profile spam", () -> percent[0], view, false, now::get);

        now.addAndGet(SECOND / 2);
        progress.tick();
        assertEquals(List.of(), view.seen, "nothing before a second");

        now.addAndGet(SECOND / 2);
        progress.tick();
        percent[0] = OptionalDouble.empty(); // between two queries: the last figure stays
        now.addAndGet(SECOND);
        progress.tick();
        percent[0] = OptionalDouble.of(62.5);
        now.addAndGet(SECOND / 10);
        progress.tick();
        progress.succeeded();
        now.addAndGet(SECOND * 4 / 10);
        progress.close();
        progress.tick(); // a tick that was already due when it closed draws nothing
        progress.close();

        assertEquals(List.of(
                "show: profile spam  [##----------------------]  10%  1.0 s",
                "update: profile spam  [##----------------------]  10%  2.0 s",
                "update: profile spam  [###############---------]  62%  2.1 s",
                "finish: profile spam: done in 2.5 s"), view.seen);
    }

    @Test
    void anOperationThatFailsOrIsInterruptedReadsStopped() {
        AtomicLong now = new AtomicLong();
        Recorded view = new Recorded();
        OperationProgress progress = OperationProgress.unscheduled("drift a vs b", OptionalDouble::empty, view, false, now::get);
        now.addAndGet(3 * SECOND);
        progress.tick();
        now.addAndGet(62 * SECOND);
        progress.close();

        assertEquals(List.of("show: drift a vs b  [------------------------]  3.0 s",
                "finish: drift a vs b: stopped after 1 min 05 s"), view.seen);
    }

    @Test
    void aJavaCellShowsABarOnlyOnceItWaitsOnAQuery() {
        AtomicLong now = new AtomicLong();
        OptionalDouble[] percent = {OptionalDouble.empty()};
        Recorded view = new Recorded();
        OperationProgress progress = OperationProgress.unscheduled("long n = 0;", () -> percent[0], view, true, now::get);
        now.addAndGet(5 * SECOND);
        progress.tick();
        assertEquals(List.of(), view.seen, "computing in Java alone: no bar");

        percent[0] = OptionalDouble.of(50);
        progress.tick();
        progress.succeeded();
        progress.close();
        assertEquals(List.of("show: long n = 0;  [############------------]  50%  5.0 s",
                "finish: long n = 0;: done in 5.0 s"), view.seen);
    }

    @Test
    void aQuickOperationShowsNothingAtAll() {
        Recorded view = new Recorded();
        OperationProgress progress = OperationProgress.unscheduled("show x", () -> OptionalDouble.of(99), view, false,
                () -> 0L);
        progress.tick();
        progress.succeeded();
        progress.close();
        assertEquals(List.of(), view.seen);
    }

    @Test
    void theConsoleRedrawsInPlaceOnATerminalAndWritesLinesInALog() {
        ByteArrayOutputStream terminalBytes = new ByteArrayOutputStream();
        ConsoleProgressView terminal = new ConsoleProgressView(new PrintStream(terminalBytes, true, StandardCharsets.UTF_8), true);
        terminal.show(ProgressBar.running("profile spam", OptionalDouble.of(50), Duration.ofSeconds(1)));
        terminal.finish(ProgressBar.over("profile spam", Duration.ofMillis(1500), true));
        String drawn = terminalBytes.toString(StandardCharsets.UTF_8);
        String first = "  profile spam  [############------------]  50%  1.0 s";
        String last = "  profile spam: done in 1.5 s";
        assertEquals("\r" + first + "\r" + last + " ".repeat(first.length() - last.length()) + System.lineSeparator(), drawn,
                "the shorter last state blanks out the rest of the longer bar");

        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        ConsoleProgressView log = new ConsoleProgressView(new PrintStream(logBytes, true, StandardCharsets.UTF_8), false);
        log.show(ProgressBar.running("profile spam", OptionalDouble.of(50), Duration.ofSeconds(1)));
        log.update(ProgressBar.running("profile spam", OptionalDouble.of(60), Duration.ofMillis(1200)));
        log.finish(ProgressBar.over("profile spam", Duration.ofMillis(1500), true));
        assertEquals(List.of("  profile spam  [############------------]  50%  1.0 s", "  profile spam: done in 1.5 s"),
                logBytes.toString(StandardCharsets.UTF_8).lines().toList(), "a log gets no line per tick");
    }
}
