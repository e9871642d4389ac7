package dev.assay.kernel.exec;

import dev.assay.viz.ProgressBar;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The progress of one operation (a statement, a SQL cell, a Java cell). Nothing shows for
 * the first second, so quick operations stay quiet; after that a bar appears and follows the
 * engine's estimate for its running query, and at the end it says how long the operation
 * took. Closing it ends the bar; {@link #succeeded()} before that makes it "done", else it
 * reads "stopped" (an error or an interrupt).
 */
public final class OperationProgress implements AutoCloseable {

    static final Duration SHOW_AFTER = Duration.ofSeconds(1);
    static final long TICK_MILLIS = 200;

    private final String what;
    private final Supplier<OptionalDouble> queryPercent;
    private final ProgressView view;
    private final boolean onlyWhileQuerying;
    private final LongSupplier clock;
    private final long started;
    private ScheduledFuture<?> ticking;
    private boolean shown;
    private boolean closed;
    private boolean succeeded;
    private OptionalDouble lastPercent = OptionalDouble.empty();

    private OperationProgress(String what, Supplier<OptionalDouble> queryPercent, ProgressView view,
                              boolean onlyWhileQuerying, LongSupplier clock) {
        this.clock = clock;
        this.started = clock.getAsLong();
        this.what = what;
        this.queryPercent = queryPercent;
        this.view = view;
        this.onlyWhileQuerying = onlyWhileQuerying;
    }

    /**
     * Starts watching. With {@code onlyWhileQuerying} the bar appears only once a query is
     * seen running (a Java cell that computes without the engine shows none).
     */
    static OperationProgress start(ScheduledExecutorService ticker, String what, Supplier<OptionalDouble> queryPercent,
                                   ProgressView view, boolean onlyWhileQuerying) {
        OperationProgress progress = new OperationProgress(what, queryPercent, view, onlyWhileQuerying, System::nanoTime);
        progress.ticking = ticker.scheduleWithFixedDelay(progress::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        return progress;
    }

    /** For tests: no ticker; the caller ticks, on the clock it gives (nanoseconds). */
    static OperationProgress unscheduled(String what, Supplier<OptionalDouble> queryPercent, ProgressView view,
                                         boolean onlyWhileQuerying, LongSupplier clock) {
        return new OperationProgress(what, queryPercent, view, onlyWhileQuerying, clock);
    }

    /** The operation finished without error: the bar will read "done in". */
    public synchronized void succeeded() {
        succeeded = true;
    }

    synchronized void tick() {
        if (closed) {
            return;
        }
        Duration elapsed = elapsed();
        if (elapsed.compareTo(SHOW_AFTER) < 0) {
            return;
        }
        OptionalDouble percent = queryPercent.get();
        if (percent.isPresent()) {
            lastPercent = percent;
        } else if (!shown && onlyWhileQuerying) {
            return;
        }
        // Between two queries of one operation the last known figure stays up.
        ProgressBar bar = ProgressBar.running(what, lastPercent, elapsed);
        if (shown) {
            view.update(bar);
        } else {
            view.show(bar);
            shown = true;
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (ticking != null) {
            ticking.cancel(false);
        }
        if (shown) {
            view.finish(ProgressBar.over(what, elapsed(), succeeded));
        }
    }

    private Duration elapsed() {
        return Duration.ofNanos(clock.getAsLong() - started);
    }

    /** A short name for what runs: the first non-blank line of its source, cut to fit a bar. */
    public static String describe(String source) {
        String line = source.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        return line.length() <= 60 ? line : line.substring(0, 59) + "\u2026";
    }
}
