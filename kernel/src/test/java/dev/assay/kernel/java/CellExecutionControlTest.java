package dev.assay.kernel.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.kernel.java.StopSafety.State;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.jshell.spi.ExecutionControl.StoppedException;
import org.junit.jupiter.api.Test;

/**
 * Stopping a cell: interrupt first, stop a busy loop early, never stop a class initializer
 * before the limit. Cells here are static methods run by the control as JShell would run a
 * snippet. Timeouts only guard against hangs; no test asserts how fast a stop is.
 */
class CellExecutionControlTest {

    private static final long GUARD_SECONDS = 60;

    private final CellExecutionControl control = new CellExecutionControl();

    /** Runs a cell on its own thread, as the executor does; completes with its string or what it threw. */
    private CompletableFuture<Object> start(String cell) throws Exception {
        Method method = CellExecutionControlTest.class.getDeclaredMethod(cell);
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        Thread runner = new Thread(() -> {
            try {
                outcome.complete(control.invoke(method));
            } catch (Throwable t) {
                outcome.complete(t);
            }
        }, "test-runner");
        runner.start();
        return outcome;
    }

    /** Starts the cell, stops it once it reaches {@code at}, and expects it to end stopped. */
    private void stopWhenReached(String cell, CountDownLatch at) throws Exception {
        CompletableFuture<Object> outcome = start(cell);
        await(at);
        control.stop();
        assertInstanceOf(StoppedException.class, outcome.get(GUARD_SECONDS, TimeUnit.SECONDS));
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        assertTrue(latch.await(GUARD_SECONDS, TimeUnit.SECONDS), "the cell never got there");
    }

    // A busy loop, with a second thread of its own, is stopped; the next cell runs.

    static final CountDownLatch LOOPING = new CountDownLatch(2);
    static volatile Thread loopHelper;
    static volatile long loopSpins;

    public static void busyLoop() {
        loopHelper = new Thread(() -> {
            LOOPING.countDown();
            while (true) {
                loopSpins++;
            }
        });
        loopHelper.start();
        LOOPING.countDown();
        while (true) {
            loopSpins++;
        }
    }

    public static Object answer() {
        return 42;
    }

    @Test
    void aBusyLoopAndItsThreadsAreStoppedAndTheNextCellRuns() throws Exception {
        stopWhenReached("busyLoop", LOOPING);
        assertTrue(control.lastStopped());
        loopHelper.join(TimeUnit.SECONDS.toMillis(GUARD_SECONDS));
        assertFalse(loopHelper.isAlive(), "the cell's own thread is stopped too");

        control.clearStop();
        assertEquals("42", start("answer").get(GUARD_SECONDS, TimeUnit.SECONDS));
        assertEquals(42, control.lastValue());
        assertFalse(control.lastStopped());
    }

    // A static initializer that is still running at the grace is let finish, then the loop
    // after it is stopped. Stopped inside, the class would fail for good
    // ("NoClassDefFoundError: Could not initialize class").

    static final CountDownLatch INITIALIZING = new CountDownLatch(1);
    static volatile long stopRequestedAt;
    static volatile boolean loopAfterInitializer;

    static final class SlowInitializer {
        static final int VALUE;

        static {
            INITIALIZING.countDown();
            // Still running when stop() reaches its grace, however late that thread starts
            // after stopRequestedAt (never earlier); ends well before the limit.
            while (stopRequestedAt == 0
                    || System.nanoTime() - stopRequestedAt < 2 * CellExecutionControl.STOP_GRACE_NANOS) {
                Thread.onSpinWait();
            }
            VALUE = 42;
        }
    }

    public static void initializeThenLoop() {
        int value = SlowInitializer.VALUE;
        loopAfterInitializer = value == 42;
        while (true) {
            loopSpins++;
        }
    }

    @Test
    void aStaticInitializerIsNotStoppedItFinishesAndTheLoopAfterItIs() throws Exception {
        CompletableFuture<Object> outcome = start("initializeThenLoop");
        await(INITIALIZING);
        stopRequestedAt = System.nanoTime();
        control.stop();
        assertInstanceOf(StoppedException.class, outcome.get(GUARD_SECONDS, TimeUnit.SECONDS));
        assertTrue(loopAfterInitializer, "stop() waited for the initializer, then stopped the loop");
        assertEquals(42, SlowInitializer.VALUE, "the class is usable");
    }

    // A sleeping cell ends by the interrupt, running its catch and finally blocks.

    static final CountDownLatch SLEEPING = new CountDownLatch(1);
    static volatile boolean sleepInterrupted;
    static volatile boolean sleepCleanedUp;

    public static void sleepForLong() throws InterruptedException {
        SLEEPING.countDown();
        try {
            Thread.sleep(TimeUnit.SECONDS.toMillis(600));
        } catch (InterruptedException e) {
            sleepInterrupted = true;
            throw e;
        } finally {
            sleepCleanedUp = true;
        }
    }

    @Test
    void aSleepingCellEndsByItsInterruptNotByAStop() throws Exception {
        stopWhenReached("sleepForLong", SLEEPING);
        assertTrue(sleepInterrupted, "InterruptedException, not ThreadDeath");
        assertTrue(sleepCleanedUp);
    }

    // A cell that swallows every interrupt is stopped after the grace.

    static final CountDownLatch DEAF = new CountDownLatch(1);

    public static void ignoreInterrupts() {
        DEAF.countDown();
        while (true) {
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(600));
            } catch (InterruptedException ignored) {
                // keeps waiting
            }
        }
    }

    @Test
    void aCellThatIgnoresInterruptsIsStoppedAfterTheGrace() throws Exception {
        stopWhenReached("ignoreInterrupts", DEAF);
    }

    // The samples stop() decides from.

    static final CountDownLatch HELD_ENTERED = new CountDownLatch(1);
    static volatile boolean heldRelease;

    static final class HeldInitializer {
        static {
            HELD_ENTERED.countDown();
            while (!heldRelease) {
                Thread.onSpinWait();
            }
        }

        static void touch() {
        }
    }

    @Test
    void aThreadInAStaticInitializerIsSampledAsInitializing() throws Exception {
        ThreadGroup group = new ThreadGroup("test-held");
        Thread thread = new Thread(group, HeldInitializer::touch, "test-held");
        thread.start();
        try {
            await(HELD_ENTERED);
            assertEquals(State.INITIALIZING, StopSafety.of(group));
        } finally {
            heldRelease = true;
        }
        thread.join(TimeUnit.SECONDS.toMillis(GUARD_SECONDS));
        assertEquals(State.ENDED, StopSafety.of(group));
    }

    @Test
    void aSleepingThreadIsWaitingAndASpinningOneBusy() throws Exception {
        ThreadGroup sleepers = new ThreadGroup("test-sleeping");
        Thread sleeper = new Thread(sleepers, () -> {
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(600));
            } catch (InterruptedException e) {
                // ends the thread
            }
        });
        ThreadGroup spinners = new ThreadGroup("test-spinning");
        CountDownLatch spinning = new CountDownLatch(1);
        AtomicBoolean done = new AtomicBoolean();
        Thread spinner = new Thread(spinners, () -> {
            spinning.countDown();
            while (!done.get()) {
                Thread.onSpinWait();
            }
        });
        sleeper.start();
        spinner.start();
        try {
            while (sleeper.getState() != Thread.State.TIMED_WAITING) {
                Thread.onSpinWait();
            }
            await(spinning);
            assertEquals(State.WAITING, StopSafety.of(sleepers));
            assertEquals(State.BUSY, StopSafety.of(spinners));
        } finally {
            done.set(true);
            sleeper.interrupt();
        }
        sleeper.join(TimeUnit.SECONDS.toMillis(GUARD_SECONDS));
        spinner.join(TimeUnit.SECONDS.toMillis(GUARD_SECONDS));
    }

    @Test
    void classLoadingAndInitializingFramesAreSeenAnywhereInTheStack() {
        assertEquals(State.LOADING, StopSafety.of(new StackTraceElement[] {
            frame("jdk.internal.loader.BuiltinClassLoader", "loadClassOrNull"),
            frame("REPL.$JShell$11", "do_it$")}));
        assertEquals(State.LOADING, StopSafety.of(new StackTraceElement[] {
            frame("jdk.jshell.execution.DefaultLoaderDelegate$RemoteClassLoader", "findClass"),
            frame("REPL.$JShell$11", "do_it$")}));
        assertEquals(State.INITIALIZING, StopSafety.of(new StackTraceElement[] {
            frame("java.lang.ClassLoader", "loadClass"),
            frame("java.util.concurrent.CompletableFuture", "<clinit>"),
            frame("REPL.$JShell$11", "do_it$")}));
    }

    private static StackTraceElement frame(String type, String method) {
        return new StackTraceElement(type, method, null, -1);
    }

    @Test
    void stopsEarlyOnlyWhenBusyTwiceAfterTheMinimumAndWaitsForAnInitializerUntilTheLimit() {
        long min = CellExecutionControl.STOP_MIN_NANOS;
        long grace = CellExecutionControl.STOP_GRACE_NANOS;
        long limit = CellExecutionControl.STOP_LIMIT_NANOS;
        assertFalse(CellExecutionControl.timeToStop(State.BUSY, State.BUSY, min - 1));
        assertTrue(CellExecutionControl.timeToStop(State.BUSY, State.BUSY, min));
        assertFalse(CellExecutionControl.timeToStop(State.BUSY, State.LOADING, min), "once is not enough");
        assertFalse(CellExecutionControl.timeToStop(State.WAITING, State.WAITING, grace - 1));
        assertFalse(CellExecutionControl.timeToStop(State.LOADING, State.BUSY, grace - 1));
        assertTrue(CellExecutionControl.timeToStop(State.WAITING, State.WAITING, grace));
        assertTrue(CellExecutionControl.timeToStop(State.LOADING, State.LOADING, grace));
        assertFalse(CellExecutionControl.timeToStop(State.INITIALIZING, State.BUSY, limit - 1));
        assertTrue(CellExecutionControl.timeToStop(State.INITIALIZING, State.INITIALIZING, limit));
    }
}
