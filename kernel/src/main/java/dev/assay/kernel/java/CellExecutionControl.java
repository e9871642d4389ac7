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
 * <p>{@link #stop()} stops the snippet's thread group. On JDK 17 that is the only way to end
 * a busy loop that never checks for interrupts; it is deprecated because it can leave shared
 * objects half-updated, which for user code in a notebook is the lesser evil (IJava's
 * {@code Future.cancel} leaves the loop spinning forever). A stopped snippet returns
 * normally to JShell, so this class remembers that it stopped it.
 */
final class CellExecutionControl extends DirectExecutionControl {

    private final Object lock = new Object();
    private ThreadGroup running;
    private boolean stopRequested;
    private volatile Object lastValue;
    private volatile boolean lastStopped;

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        lastValue = null;
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
        synchronized (lock) {
            stopRequested = true;
            if (running != null) {
                running.interrupt();
                running.stop();
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

    boolean lastStopped() {
        return lastStopped;
    }
}
