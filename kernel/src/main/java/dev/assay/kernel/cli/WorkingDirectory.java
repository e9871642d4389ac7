package dev.assay.kernel.cli;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A JVM cannot change its working directory, yet relative paths in a notebook's cells must
 * resolve against the notebook's folder (Jupyter starts kernels there). So {@code run} started
 * elsewhere runs itself again, once, in that folder: same Java, same JVM options, same jar.
 */
final class WorkingDirectory {

    private WorkingDirectory() {
    }

    private static Thread pump(java.io.InputStream from, java.io.PrintStream to) {
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

    /** Runs this program with {@code args} in {@code dir}, sharing stdin/stdout/stderr; returns its exit code. */
    static int rerunIn(Path dir, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        // Relative class-path entries (java -jar kernel/target/assay.jar) would not survive the move.
        String classPath = java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(File.pathSeparator));
        if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)) {
            command.add("-jar"); // keeps the manifest's Add-Opens, which -cp would not apply
            command.add(classPath);
        } else {
            command.add("-cp");
            command.add(classPath);
            command.add(AssayCommand.class.getName());
        }
        command.addAll(List.of(args));
        try {
            Process child = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.INHERIT).start();
            // Copied rather than inherited, so that the child's output goes wherever this
            // process's System.out and System.err go (a caller may have redirected them).
            Thread out = pump(child.getInputStream(), System.out);
            Thread err = pump(child.getErrorStream(), System.err);
            int exit = child.waitFor();
            out.join();
            err.join();
            return exit;
        } catch (IOException e) {
            System.err.println("assay run: cannot start Java in " + dir + ": " + e.getMessage());
            return RunCommand.BAD_INPUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RunCommand.CELL_FAILED;
        }
    }
}
