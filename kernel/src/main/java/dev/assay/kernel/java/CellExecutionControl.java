package dev.assay.kernel.java;

import dev.assay.kernel.exec.ExitGuard;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jshell.execution.DirectExecutionControl;

/**
 * Runs snippets in this JVM, each on a fresh thread in its own thread group, and keeps the
 * raw value of the last one (JShell's own local engine returns only its toString, but the
 * renderer registry needs the object).
 *
 * <p>{@link #stop()} interrupts the snippet's thread group, then stops what still runs once
 * that cannot break a class ({@link StopSafety}). On JDK 17 stopping is the only way to end
 * a busy loop that never checks for interrupts; it is deprecated because it can leave shared
 * objects half-updated, which for user code in a notebook is the lesser evil (IJava's
 * {@code Future.cancel} leaves the loop spinning forever). A stopped snippet returns
 * normally to JShell, so this class remembers that it stopped it.
 */
final class CellExecutionControl extends DirectExecutionControl {

    /** Nothing is stopped sooner: a thread the interrupt woke gets that long to end by itself. */
    static final long STOP_MIN_NANOS = 10_000_000L;
    /** After this, what still runs is stopped, even a thread that waits or loads a class... */
    static final long STOP_GRACE_NANOS = 250_000_000L;
    /**
     * ...but not one in a static initializer, until this: a class whose initializer is stopped
     * is broken for the rest of the JVM, and the JDK's own take milliseconds. Only a cell's
     * initializer that never ends waits this long, and then breaks only its own class.
     */
    static final long STOP_LIMIT_NANOS = 2_000_000_000L;
    private static final long SAMPLE_MILLIS = 3;

    private final Object lock = new Object();
    private ThreadGroup running;
    private boolean stopRequested;
    private volatile Object lastValue;
    private volatile Throwable lastFailure;
    private volatile boolean lastStopped;
    private volatile Class<?> lastWrapper;

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        lastValue = null;
        lastFailure = null;
        lastStopped = false;
        lastWrapper = doitMethod.getDeclaringClass();
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ThreadGroup group = new ThreadGroup(ExitGuard.CELL_THREADS, "assay-cell");
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
        // Interrupt first: a cell waiting (sleep, input, a lock) ends on that alone. Then stop
        // a busy loop as soon as no thread of the group initializes or loads a class
        // (seen in CI: CompletableFuture's classes broke after a stop during a first input).
        group.interrupt();
        long start = System.nanoTime();
        StopSafety.State before = StopSafety.State.WAITING;
        while (true) {
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            StopSafety.State now = StopSafety.of(group);
            if (now == StopSafety.State.ENDED || timeToStop(now, before, System.nanoTime() - start)) {
                break;
            }
            before = now;
        }
        synchronized (lock) {
            if (group.activeCount() > 0) {
                group.stop();
            }
        }
    }

    /**
     * Early only when busy in two samples a few ms apart: a loop, not a thread that has just
     * woken from its wait or that goes from one class initializer to the next.
     */
    static boolean timeToStop(StopSafety.State now, StopSafety.State before, long waited) {
        if (waited >= STOP_LIMIT_NANOS) {
            return true;
        }
        if (waited >= STOP_GRACE_NANOS) {
            return now != StopSafety.State.INITIALIZING;
        }
        return waited >= STOP_MIN_NANOS && now == StopSafety.State.BUSY && before == StopSafety.State.BUSY;
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

    /** The class JShell wrapped the last snippet run in: it holds that snippet's variables as static fields. */
    Class<?> lastWrapper() {
        return lastWrapper;
    }

    /**
     * Empties the static field that holds variable {@code name} in {@code wrapper}. Dropping a
     * snippet does not unload its class, so without this the value stays reachable.
     */
    static void forgetValue(Class<?> wrapper, String name) {
        try {
            Field field = wrapper.getDeclaredField(name);
            if (!field.getType().isPrimitive() && Modifier.isStatic(field.getModifiers())) {
                field.setAccessible(true);
                field.set(null, null);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // not a field of this wrapper (the snippet never ran): nothing is held
        }
    }
}
