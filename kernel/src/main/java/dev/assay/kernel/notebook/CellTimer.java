package dev.assay.kernel.notebook;

import java.time.Duration;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.atomic.AtomicBoolean;

/** Interrupts a cell that runs longer than the run's {@code --timeout}, and remembers that it did. */
final class CellTimer {

    private final Timer timer;
    private final AtomicBoolean fired = new AtomicBoolean();
    private final Duration limit;

    private CellTimer(Duration limit, Runnable interrupt) {
        this.limit = limit;
        if (limit == null) {
            timer = null;
            return;
        }
        timer = new Timer("assay-cell-timeout", true);
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                fired.set(true);
                interrupt.run();
            }
        }, Math.max(1, limit.toMillis()));
    }

    /** Starts timing a cell; with no limit, a timer that never fires. */
    static CellTimer start(Duration limit, Runnable interrupt) {
        return new CellTimer(limit, interrupt);
    }

    void cancel() {
        if (timer != null) {
            timer.cancel();
        }
    }

    boolean fired() {
        return fired.get();
    }

    String limitText() {
        return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() / 1000.0 + " s";
    }
}
