package dev.assay.kernel.install;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.kernel.transport.Json;
import dev.assay.kernel.transport.MalformedMessageException;
import dev.assay.kernel.transport.Message;
import dev.assay.kernel.transport.MessageSigner;
import dev.assay.kernel.transport.WireCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The kernel's class-data-sharing archive (the JDK's dynamic AppCDS, JEP 350): the classes a
 * kernel loads to start and to run its first cells (Jackson, JeroMQ, JShell's compiler, the
 * DuckDB driver, the renderers), dumped once by a training run of the real kernel, then mapped
 * by every kernel the kernelspec starts. A kernel's start is mostly loading and verifying
 * classes, so this is what shortens it. The archive fits one JVM and the jar as it is on disk;
 * with another, the JVM warns once and starts without it, so a stale archive costs speed only.
 */
public final class ClassArchive {

    public static final String FILE_NAME = "assay.jsa";

    /** What the training kernel runs: the first things a notebook does. */
    private static final List<String> TRAINING_CELLS = List.of(
            "1+1",
            "%%sql\nSELECT 42 AS answer",
            "%%assay\nrows = load 'rows.csv'\nprofile rows\nduplicates rows");

    private static final String TRAINING_ROWS = "id,label,score\n1,a,0.5\n2,b,1.5\n3,a,2.5\n4,b,\n";

    private ClassArchive() {
    }

    /**
     * Trains a kernel started with {@code java -jar jar} and writes {@code dir/assay.jsa}
     * (atomically: a half-written archive never replaces a good one). Throws with the reason
     * when the JVM cannot make one or the training kernel fails.
     */
    public static Path create(Path dir, Path java, Path jar, Duration timeout) throws IOException {
        return create(dir, java, KernelLaunch.jar(jar), timeout);
    }

    /**
     * As {@link #create(Path, Path, Path, Duration)}, the training kernel started as {@code launch}
     * says: an archive maps only into a JVM of the same class path, so train with the kernelspec's.
     */
    public static Path create(Path dir, Path java, KernelLaunch launch, Duration timeout) throws IOException {
        Files.createDirectories(dir);
        Path archive = dir.resolve(FILE_NAME);
        Path part = dir.resolve(FILE_NAME + ".part-" + ProcessHandle.current().pid());
        Path work = Files.createTempDirectory("assay-class-archive");
        Process kernel = null;
        try {
            Files.writeString(work.resolve("rows.csv"), TRAINING_ROWS, StandardCharsets.UTF_8);
            String key = UUID.randomUUID().toString();
            int[] ports = freePorts(5);
            Path connection = work.resolve("connection.json");
            ObjectNode info = Json.object().put("transport", "tcp").put("ip", "127.0.0.1")
                    .put("shell_port", ports[0]).put("control_port", ports[1]).put("iopub_port", ports[2])
                    .put("stdin_port", ports[3]).put("hb_port", ports[4])
                    .put("key", key).put("signature_scheme", "hmac-sha256");
            Files.write(connection, Json.bytes(info));
            List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:ArchiveClassesAtExit=" + part,
                    "-Djava.awt.headless=true", "-Djava.security.manager=allow"));
            command.addAll(launch.startArguments());
            command.addAll(List.of("kernel", connection.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(work.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("kernel.log").toFile());
            // Pins and spills of the training cells stay in its own folder.
            builder.environment().put("ASSAY_STORE", work.resolve("store").toString());
            kernel = builder.start();
            long deadline = System.nanoTime() + timeout.toNanos();
            train(new WireCodec(new MessageSigner(key, "hmac-sha256")), ports, kernel, deadline);
            if (!kernel.waitFor(remainingMillis(deadline), TimeUnit.MILLISECONDS)) {
                throw new IOException("the training kernel did not exit after its shutdown" + logTail(work));
            }
            if (!Files.isRegularFile(part) || Files.size(part) == 0) {
                throw new IOException("this JVM wrote no archive (exit code " + kernel.exitValue() + ")" + logTail(work));
            }
            Files.move(part, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return archive;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while training the kernel", e);
        } finally {
            if (kernel != null && kernel.isAlive()) {
                kernel.destroyForcibly();
            }
            Files.deleteIfExists(part);
            deleteTree(work);
        }
    }

    /** Asks for kernel_info, runs the training cells and shuts the kernel down, as a Jupyter client would. */
    private static void train(WireCodec codec, int[] ports, Process kernel, long deadline) throws IOException {
        String session = UUID.randomUUID().toString();
        try (ZContext context = new ZContext()) {
            ZMQ.Socket shell = connect(context, ports[0]);
            ZMQ.Socket control = connect(context, ports[1]);
            request(codec, shell, session, "kernel_info_request", Json.object(), kernel, deadline);
            for (String cell : TRAINING_CELLS) {
                ObjectNode content = Json.object().put("code", cell).put("silent", false).put("store_history", false)
                        .put("allow_stdin", false).put("stop_on_error", true);
                content.putObject("user_expressions");
                Message reply = request(codec, shell, session, "execute_request", content, kernel, deadline);
                if (!"ok".equals(reply.content().path("status").asText())) {
                    throw new IOException("training cell failed: " + cell.lines().findFirst().orElse("") + ": "
                            + reply.content().path("evalue").asText());
                }
            }
            request(codec, control, session, "shutdown_request", Json.object().put("restart", false), kernel, deadline);
        }
    }

    private static ZMQ.Socket connect(ZContext context, int port) {
        ZMQ.Socket socket = context.createSocket(SocketType.DEALER);
        socket.setLinger(0);
        socket.setReceiveTimeOut(200);
        socket.connect("tcp://127.0.0.1:" + port);
        return socket;
    }

    /** Sends a request and waits for its reply; a kernel that died or a passed deadline ends the wait. */
    private static Message request(WireCodec codec, ZMQ.Socket socket, String session, String type, ObjectNode content,
                                   Process kernel, long deadline) throws IOException {
        Message request = new Message(List.of(), Message.newHeader(type, session), Json.object(), Json.object(), content,
                List.of());
        List<byte[]> frames = codec.encode(request);
        for (int i = 0; i < frames.size(); i++) {
            socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
        while (System.nanoTime() < deadline) {
            byte[] first = socket.recv(0);
            if (first == null) {
                if (!kernel.isAlive()) {
                    throw new IOException("the training kernel exited (code " + kernel.exitValue() + ") before its "
                            + type.replace("_request", "_reply"));
                }
                continue;
            }
            List<byte[]> reply = new ArrayList<>(List.of(first));
            while (socket.hasReceiveMore()) {
                reply.add(socket.recv(0));
            }
            try {
                Message message = codec.decode(reply);
                if (message.parentHeader().path("msg_id").asText().equals(request.id())) {
                    return message;
                }
            } catch (MalformedMessageException e) {
                throw new IOException("the training kernel sent a malformed reply: " + e.getMessage(), e);
            }
        }
        throw new IOException("no " + type.replace("_request", "_reply") + " from the training kernel in time");
    }

    private static int[] freePorts(int n) throws IOException {
        int[] ports = new int[n];
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
        } finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
        return ports;
    }

    private static long remainingMillis(long deadline) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    private static String logTail(Path work) {
        try {
            List<String> lines = Files.readAllLines(work.resolve("kernel.log"), StandardCharsets.UTF_8);
            List<String> tail = lines.subList(Math.max(0, lines.size() - 5), lines.size());
            return tail.isEmpty() ? "" : "; its log ends: " + String.join(" | ", tail);
        } catch (IOException e) {
            return "";
        }
    }

    /** Best effort: a training folder left in the temporary directory must not undo a made archive. */
    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // left for the system's temporary-file cleaning
        }
    }
}
