package dev.assay.kernel.cli;

import dev.assay.kernel.install.KernelLaunch;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A JVM cannot change its working directory, yet relative paths in a notebook's cells must
 * resolve against the notebook's folder (Jupyter starts kernels there). So {@code run} started
 * elsewhere runs itself again, once, in that folder: same Java, same JVM options, same jar.
 * The two end together: a signal that ends this process ends the child first, and the child
 * ends by itself when this process is killed outright (see {@link ParentWatcher}).
 */
final class WorkingDirectory {

    private WorkingDirectory() {
    }

    private static Thread pump(InputStream from, PrintStream to) {
        Thread t = new Thread(() -> {
            try {
                from.transferTo(to);
            } catch (IOException e) {
                // the child is gone: nothing more to copy
            } finally {
                to.flush();
            }
        }, "assay-run-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static final long GRACE_SECONDS = 10;

    /** Asks the child to end (SIGTERM), waits for it, and kills it if it does not end in time. */
    private static void endAndWait(Process child) {
        child.destroy();
        try {
            if (!child.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs, and finds the child ended
        }
    }

    /** What the child JVM gets beyond this one's: jars appended to its class path, flags it lacks. */
    record ChildJvm(List<Path> classPath, List<String> flags) {
        static final ChildJvm SAME = new ChildJvm(List.of(), List.of());
    }

    /**
     * The child's command up to its arguments: this JVM's options and class path (entries made
     * absolute), plus {@code more} (see {@link KernelLaunch} for how they start).
     */
    static List<String> childCommand(Path java, List<String> jvmOptions, String classPathProperty, ChildJvm more) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        // Relative class-path entries (java -jar kernel/target/assay.jar) would not survive the move.
        List<Path> classPath = new ArrayList<>(Arrays.stream(classPathProperty.split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry).toAbsolutePath()).toList());
        List<String> flags = new ArrayList<>();
        if (!more.equals(ChildJvm.SAME)) {
            if (classPath.size() == 1 && classPath.get(0).toString().endsWith(".jar")) {
                flags.addAll(manifestOpens(classPath.get(0))); // -cp would drop them
            }
            more.classPath().stream().map(Path::toAbsolutePath).filter(p -> !classPath.contains(p)).forEach(classPath::add);
            flags.addAll(more.flags());
        }
        command.addAll(new KernelLaunch(classPath, flags.stream().distinct().filter(f -> !jvmOptions.contains(f)).toList())
                .startArguments());
        return command;
    }

    /** A jar's manifest Add-Opens as flags; none when it cannot be read (the child then says what failed). */
    private static List<String> manifestOpens(Path jar) {
        try {
            return KernelLaunch.manifestOpens(jar);
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * How the child ended: its exit code (128 + the signal when one killed it), and whether this
     * process was itself being ended (SIGTERM, SIGINT) and ended the child for that reason.
     */
    record ChildExit(int code, boolean cancelledHere) {
    }

    /** Runs this program with {@code args} in {@code dir}, sharing stdin/stdout/stderr, and waits for it. */
    static ChildExit rerunIn(Path dir, String... args) {
        return rerunIn(dir, ChildJvm.SAME, args);
    }

    /** As {@link #rerunIn(Path, String...)}, the child's JVM given {@code more} class path and flags. */
    static ChildExit rerunIn(Path dir, ChildJvm more, String... args) {
        List<String> command = childCommand(Path.of(System.getProperty("java.home"), "bin", "java"),
                ManagementFactory.getRuntimeMXBean().getInputArguments(), System.getProperty("java.class.path"), more);
        command.addAll(List.of(args));
        try {
            Process child = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.INHERIT).start();
            // Copied rather than inherited, so that the child's output goes wherever this
            // process's System.out and System.err go (a caller may have redirected them).
            Thread out = pump(child.getInputStream(), System.out);
            Thread err = pump(child.getErrorStream(), System.err);
            // SIGTERM or SIGINT here (a cancelled CI job, Ctrl-C) must end the child too, and
            // this process only once it has: nothing may run, or write, after the cancel.
            AtomicBoolean cancelled = new AtomicBoolean();
            Thread endChild = new Thread(() -> {
                cancelled.set(true);
                endAndWait(child);
            }, "assay-run-end-child");
            Runtime.getRuntime().addShutdownHook(endChild);
            int exit = child.waitFor();
            removeHook(endChild);
            out.join();
            err.join();
            return new ChildExit(exit, cancelled.get());
        } catch (IOException e) {
            System.err.println("assay run: cannot start Java in " + dir + ": " + e.getMessage());
            return new ChildExit(RunCommand.BAD_INPUT, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ChildExit(RunCommand.CELL_FAILED, true);
        }
    }
}
