import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A WideRunner in its own JVM, watched from outside: its protocol lines arrive one at a time
 * with a timeout, everything it prints goes to a log, and when it dies (a crash of the native
 * engine, the OS's OOM killer) the last lines it printed say why. Killing it ends its
 * descendants too.
 */
final class WideChild implements AutoCloseable {

    /** Queued after the child's last line: its output ended (it exited or died). */
    static final String ENDED = "\u0000ended";

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Deque<String> tail = new ArrayDeque<>();

    private WideChild(Process process, Path log) {
        this.process = process;
        Thread reader = new Thread(() -> read(log), "wide-child-output");
        reader.setDaemon(true);
        reader.start();
    }

    static WideChild start(String heap, Path workDir, Path log, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp", absoluteClassPath(),
                "WideRunner"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().put("ASSAY_STORE", workDir.resolve("store").toString());
        return new WideChild(builder.start(), log);
    }

    /** This JVM's class path with every entry absolute: the child runs in another folder. */
    private static String absoluteClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private void read(Path log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.println(line);
                out.flush();
                if (line.startsWith(WideRunner.PREFIX)) {
                    lines.add(line.substring(WideRunner.PREFIX.length()));
                } else {
                    synchronized (tail) {
                        tail.addLast(line);
                        if (tail.size() > 60) {
                            tail.removeFirst();
                        }
                    }
                }
            }
        } catch (IOException e) {
            // the child's output closed under us: it is gone
        } finally {
            lines.add(ENDED);
        }
    }

    /** The next protocol line, {@link #ENDED} once the child's output has ended, or null after {@code millis}. */
    String next(long millis) throws InterruptedException {
        return lines.poll(Math.max(1, millis), TimeUnit.MILLISECONDS);
    }

    /** The child's resident memory now, in MB (VmRSS of /proc/PID/status), or -1 once it is gone. */
    long residentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process ended between two looks
        }
        return -1;
    }

    /** Why the child ended: its exit status and what the JVM printed about a fatal error or a lack of memory. */
    String deathReason() throws InterruptedException {
        process.waitFor(10, TimeUnit.SECONDS);
        String status = process.isAlive() ? "still running" : describeExit(process.exitValue());
        List<String> said = new ArrayList<>();
        synchronized (tail) {
            for (String line : tail) {
                String t = line.replaceFirst("^#\\s*", "").strip();
                if (t.matches("(SIGSEGV|SIGBUS|SIGABRT|SIGILL|SIGFPE).*") || t.contains("OutOfMemoryError")
                        || t.startsWith("Exception in thread") || t.startsWith("Error:") || t.contains("Cannot allocate memory")) {
                    said.add(t.length() > 160 ? t.substring(0, 160) + "..." : t);
                }
            }
        }
        return status + (said.isEmpty() ? "" : ": " + String.join("; ", said.subList(0, Math.min(2, said.size()))));
    }

    private static String describeExit(int code) {
        if (code > 128) {
            int signal = code - 128;
            String name = switch (signal) {
                case 6 -> "SIGABRT";
                case 9 -> "SIGKILL (the OS's OOM killer, or a kill)";
                case 11 -> "SIGSEGV";
                default -> "signal " + signal;
            };
            return "the JVM died with exit code " + code + " (" + name + ")";
        }
        return "the JVM exited with code " + code;
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
