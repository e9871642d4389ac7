package dev.assay.kernel.java;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jshell.execution.DirectExecutionControl;

/**
 * Runs snippets in this JVM, each on a fresh thread in its own thread group, and keeps the
 * raw value of the last one (JShell's own local engine returns only its toString, but the
 * renderer registry needs the object).
 *
 * <p>{@link #stop()} interrupts the snippet's thread group, then stops what still runs after
 * a grace period. On JDK 17 stopping is the only way to end
 * a busy loop that never checks for interrupts; it is deprecated because it can leave shared
 * objects half-updated, which for user code in a notebook is the lesser evil (IJava's
 * {@code Future.cancel} leaves the loop spinning forever). A stopped snippet returns
 * normally to JShell, so this class remembers that it stopped it.
 */
final class CellExecutionControl extends DirectExecutionControl {

    /** How long an interrupted cell may take to end by itself before its threads are stopped. */
    static final long STOP_GRACE_NANOS = 250_000_000L;

    private final Object lock = new Object();
    private ThreadGroup running;
    private boolean stopRequested;
    private volatile Object lastValue;
    private volatile Throwable lastFailure;
    private volatile boolean lastStopped;

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        lastValue = null;
        lastFailure = null;
        lastStopped = false;
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ThreadGroup group = new ThreadGroup(dev.assay.kernel.exec.ExitGuard.CELL_THREADS, "assay-cell");
        Thread thread = new Thread(group, () -> {
            try {
                result.set(doitMethod.invoke(null));
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "assay-cell");
        thread.setContextClassLoader(doitMethod.getDeclaringClass().getClassLoader());
        synchronized (lock) {
            if (stopRequested) {
                stopRequested = false;
                lastStopped = true;
                throw new StoppedException();
            }
            running = group;
        }
        try {
            thread.start();
            thread.join();
        } finally {
            synchronized (lock) {
                running = null;
                if (stopRequested) {
                    lastStopped = true;
                    stopRequested = false;
                }
            }
        }
        Throwable t = failure.get();
        if (lastStopped || isThreadDeath(t)) {
            lastStopped = true;
            throw new StoppedException();
        }
        if (t instanceof InvocationTargetException ite) {
            lastFailure = ite.getCause();
            throw ite;
        }
        if (t instanceof Exception e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw new InvocationTargetException(e);
        }
        lastValue = result.get();
        return valueString(lastValue);
    }

    private static boolean isThreadDeath(Throwable t) {
        Throwable cause = t instanceof InvocationTargetException ite ? ite.getCause() : t;
        return cause instanceof ThreadDeath;
    }

    /** Stops the running snippet, or the next one if none runs yet (an interrupt that races a start). */
    @Override
    @SuppressWarnings("removal")
    public void stop() {
        ThreadGroup group;
        synchronized (lock) {
            stopRequested = true;
            group = running;
        }
        if (group == null) {
            return;
        }
        // Interrupt first: a cell waiting (sleep, input, a lock) ends on that alone. Only
        // threads still alive after a grace period are stopped, because a thread stopped
        // while it initializes a class leaves that class unusable for the rest of the JVM
        // (seen in CI: CompletableFuture's classes broke after a stop during a first input).
        group.interrupt();
        long deadline = System.nanoTime() + STOP_GRACE_NANOS;
        while (group.activeCount() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        synchronized (lock) {
            if (group.activeCount() > 0) {
                group.stop();
            }
        }
    }

    /** Forgets a stop that arrived when nothing was running, before a new cell starts. */
    void clearStop() {
        synchronized (lock) {
            stopRequested = false;
        }
        lastStopped = false;
    }

    Object lastValue() {
        return lastValue;
    }

    /** What the last snippet threw, as thrown (JShell passes on only its class name, message and stack). */
    Throwable lastFailure() {
        return lastFailure;
    }

    boolean lastStopped() {
        return lastStopped;
    }
}
