package dev.assay.kernel.exec;

import java.security.Permission;
import java.util.concurrent.ForkJoinPool;

/**
 * Keeps {@code System.exit} and {@code Runtime.halt} in a cell from ending the kernel.
 *
 * <p>JDK 17 has no supported hook for this. The one mechanism that reaches every caller,
 * including library code a cell calls, is a SecurityManager's {@code checkExit}; it is
 * deprecated (JEP 411) but works on 17, and on 18-23 with {@code -Djava.security.manager=allow}
 * (which the kernelspec passes). This manager grants every other permission, so it changes
 * nothing else. An exit is refused when it comes from a thread a cell started (its thread
 * group descends from the cells' group) or while a cell runs; the kernel's own exit, from
 * its main thread when no cell runs, goes through. Where the JDK refuses to install it,
 * the kernel logs that cells can end it and carries on.
 */
public final class ExitGuard extends SecurityManager {

    /** Parent of every cell's thread group. */
    public static final ThreadGroup CELL_THREADS = new ThreadGroup("assay-cells");

    private static volatile boolean installed;
    private static volatile boolean cellRunning;
    private static volatile boolean kernelExiting;

    private ExitGuard() {
    }

    /** Installs the guard once per process; returns false (and logs why) if the JDK refuses. */
    @SuppressWarnings("removal")
    public static synchronized boolean install(java.io.PrintStream log) {
        if (installed) {
            return true;
        }
        // Touch the common pool first: created under a SecurityManager it would use
        // "innocuous" threads that reset thread locals and context class loaders.
        ForkJoinPool.commonPool();
        // The JDK prints a deprecation warning for this call to the process's original
        // stderr (which no setErr reaches); the README explains why the kernel makes it.
        try {
            System.setSecurityManager(new ExitGuard());
            installed = true;
        } catch (UnsupportedOperationException | SecurityException e) {
            log.println("assay: cannot guard against System.exit in cells on this JDK (" + e.getMessage()
                    + "); a cell calling it will end the kernel");
        }
        return installed;
    }

    /** The kernel itself is ending the process (shutdown, end of a run): let it, even mid-cell. */
    public static void permitExit() {
        kernelExiting = true;
    }

    static void cellStarted() {
        cellRunning = true;
    }

    static void cellEnded() {
        cellRunning = false;
    }

    @Override
    public void checkExit(int status) {
        if (!kernelExiting && (cellRunning || inCellThread())) {
            throw new SecurityException("System.exit(" + status + ") was blocked: it would end the kernel "
                    + "and every variable of this session. Restart the kernel from the client instead.");
        }
    }

    @Override
    public void checkPermission(Permission perm) {
        // everything else is allowed: this manager exists only for checkExit
    }

    @Override
    public void checkPermission(Permission perm, Object context) {
        // as above
    }

    private static boolean inCellThread() {
        for (ThreadGroup g = Thread.currentThread().getThreadGroup(); g != null; g = g.getParent()) {
            if (g == CELL_THREADS) {
                return true;
            }
        }
        return false;
    }
}
