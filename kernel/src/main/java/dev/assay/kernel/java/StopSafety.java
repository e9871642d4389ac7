package dev.assay.kernel.java;

import java.util.Arrays;

/**
 * What the live threads of a cell's group are doing, from their stack traces: whether
 * {@code ThreadGroup.stop} could break something for the rest of the JVM. A thread stopped in
 * a static initializer leaves its class unusable for good (the JVM marks it erroneous); one
 * stopped while loading a class can leave a class loader's state half-updated.
 */
final class StopSafety {

    /** From safest to least safe: a group's state is its least safe thread's. */
    enum State {
        /** No live thread: the group has ended. */
        ENDED,
        /** Every live thread runs its own code: safe to stop. */
        BUSY,
        /** A thread still waits (sleep, lock, I/O): the interrupt should end it. */
        WAITING,
        /** A thread is loading a class. */
        LOADING,
        /** A thread runs a static initializer. */
        INITIALIZING
    }

    private StopSafety() {
    }

    static State of(ThreadGroup group) {
        State worst = State.ENDED;
        for (Thread thread : liveThreads(group)) {
            State state = of(thread);
            if (state.compareTo(worst) > 0) {
                worst = state;
            }
        }
        return worst;
    }

    static State of(Thread thread) {
        Thread.State threadState = thread.getState();
        State inStack = of(thread.getStackTrace());
        if (threadState == Thread.State.TERMINATED) {
            return State.ENDED;
        }
        if (inStack != State.BUSY) {
            return inStack;
        }
        return threadState == Thread.State.RUNNABLE ? State.BUSY : State.WAITING;
    }

    /** BUSY unless a frame initializes or loads a class (the thread's own state aside). */
    static State of(StackTraceElement[] stack) {
        State worst = State.BUSY;
        for (StackTraceElement frame : stack) {
            if (frame.getMethodName().equals("<clinit>")) {
                return State.INITIALIZING;
            }
            if (loadsClasses(frame)) {
                worst = State.LOADING;
            }
        }
        return worst;
    }

    private static boolean loadsClasses(StackTraceElement frame) {
        String type = frame.getClassName();
        String method = frame.getMethodName();
        return type.equals("java.lang.ClassLoader") || type.startsWith("jdk.internal.loader.")
                || method.equals("loadClass") || method.equals("findClass") || method.equals("defineClass");
    }

    private static Thread[] liveThreads(ThreadGroup group) {
        Thread[] threads = new Thread[group.activeCount() + 4];
        int count;
        // enumerate drops what does not fit: grow until it no longer fills the array.
        while ((count = group.enumerate(threads, true)) == threads.length) {
            threads = new Thread[threads.length * 2];
        }
        return Arrays.copyOf(threads, count);
    }
}
