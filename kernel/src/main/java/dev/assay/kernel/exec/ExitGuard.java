package dev.assay.kernel.exec;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.security.Permission;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * Keeps {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} in a cell from
 * ending the kernel, and refuses to be replaced or removed.
 *
 * <p>JDK 17 has no supported hook for this. The one mechanism that reaches every caller,
 * including library code a cell calls, is a SecurityManager's {@code checkExit} (the JDK calls
 * it for all three); it is deprecated (JEP 411) but works on 17, and on 18-23 with
 * {@code -Djava.security.manager=allow} (which the kernelspec passes). This manager grants
 * every other permission but {@code setSecurityManager}: without that refusal a cell could
 * remove it ({@code System.setSecurityManager(null)}) and exit.
 *
 * <p>An exit is refused when it comes from a thread a cell started (its thread group descends
 * from the cells' group), while a cell runs, or when code a cell defined or loaded (snippets,
 * jars added to the class path) is on the caller's stack, as in a task a cell left on a shared
 * pool. The kernel's own exit, from its own code when no cell runs, goes through. Where the
 * JDK refuses to install it, the kernel logs that cells can end it and carries on.
 */
public final class ExitGuard extends SecurityManager {

    /** Parent of every cell's thread group. */
    public static final ThreadGroup CELL_THREADS = new ThreadGroup("assay-cells");

    private static final RuntimePermission SET_SECURITY_MANAGER = new RuntimePermission("setSecurityManager");

    private static volatile boolean installed;
    private static volatile boolean cellRunning;
    private static volatile boolean kernelExiting;

    private final StackWalker walker = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private ExitGuard() {
    }

    /** Installs the guard once per process; returns false (and logs why) if the JDK refuses. */
    public static synchronized boolean install(PrintStream log) {
        if (installed) {
            return true;
        }
        // Touch the common pool first: created under a SecurityManager it would use
        // "innocuous" threads that reset thread locals and context class loaders.
        ForkJoinPool.commonPool();
        try {
            QuietJdkWarning.around(() -> setSecurityManager(new ExitGuard()));
            installed = true;
        } catch (UnsupportedOperationException | SecurityException e) {
            log.println("assay: cannot guard against System.exit in cells on this JDK (" + e.getMessage()
                    + "); a cell calling it will end the kernel");
        }
        return installed;
    }

    @SuppressWarnings("removal")
    private static void setSecurityManager(SecurityManager manager) {
        System.setSecurityManager(manager);
    }

    /**
     * The kernel itself is ending the process (shutdown, end of a run): let it, even mid-cell.
     * Refused to a cell, which could otherwise call it before {@code System.exit}.
     */
    public static void permitExit() {
        if (installed && System.getSecurityManager() instanceof ExitGuard guard && guard.fromCell()) {
            throw new SecurityException("ExitGuard.permitExit was blocked: only the kernel may end itself");
        }
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
        if (!kernelExiting && (cellRunning || fromCell())) {
            throw new SecurityException(exitCall(status) + " was blocked: it would end the kernel "
                    + "and every variable of this session. Restart the kernel from the client instead.");
        }
    }

    @Override
    public void checkPermission(Permission perm) {
        if (SET_SECURITY_MANAGER.equals(perm)) {
            throw new SecurityException("System.setSecurityManager was blocked: the kernel's guard against "
                    + "System.exit cannot be replaced or removed");
        }
        // everything else is allowed: this manager exists only to keep the process alive
    }

    @Override
    public void checkPermission(Permission perm, Object context) {
        checkPermission(perm);
    }

    /** In a cell's thread, or with code a cell defined or loaded on the stack. */
    private boolean fromCell() {
        return inCellThread() || walker.walk(frames -> frames.anyMatch(f -> isCellCode(f.getDeclaringClass())));
    }

    /**
     * Classes of snippets and of jars a cell added are loaded by JShell's class loader; the
     * kernel, the JDK and the jar's libraries by the application, platform or boot loader.
     */
    private static boolean isCellCode(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return loader != null && "jdk.jshell".equals(loader.getClass().getModule().getName());
    }

    /** What the cell called, for the message: {@code Runtime.halt(1)} or {@code System.exit(1)}. */
    private String exitCall(int status) {
        Optional<String> halt = walker.walk(frames -> frames
                .filter(f -> f.getDeclaringClass() == Runtime.class && f.getMethodName().equals("halt"))
                .map(f -> "Runtime.halt").findFirst());
        return halt.orElse("System.exit") + "(" + status + ")";
    }

    private static boolean inCellThread() {
        for (ThreadGroup g = Thread.currentThread().getThreadGroup(); g != null; g = g.getParent()) {
            if (g == CELL_THREADS) {
                return true;
            }
        }
        return false;
    }

    /**
     * The JDK prints a four-line deprecation warning when {@code System.setSecurityManager} is
     * called, to the stream that was {@code System.err} at start (which {@code System.setErr}
     * does not reach): into every kernel log, {@code assay run} and console session. That stream
     * is a field of {@code System}, readable because the jar's manifest opens {@code java.lang}
     * to it; it is muted for the one call. Without that access the warning is printed, as before.
     */
    private static final class QuietJdkWarning {

        static void around(Runnable call) {
            Field field = initialErr();
            if (field == null) {
                call.run();
                return;
            }
            Object original;
            try {
                original = field.get(null);
                field.set(null, new PrintStream(OutputStream.nullOutputStream()));
            } catch (ReflectiveOperationException | RuntimeException e) {
                call.run();
                return;
            }
            try {
                call.run();
            } finally {
                try {
                    field.set(null, original);
                } catch (ReflectiveOperationException e) {
                    // cannot happen: the same field was just written
                }
            }
        }

        private static Field initialErr() {
            try {
                Field field = System.class.getDeclaredField("initialErrStream");
                field.setAccessible(true);
                return field;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null; // another JDK, or java.lang not opened (a plain class path): the JDK warns
            }
        }
    }
}
