package dev.assay.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Spark Connect server for the tests of this JVM, started with the repository's own
 * {@code spark/serve} on a free loopback port, the way users start theirs. It ends with the JVM
 * (serve watches its parent process), and is stopped in a shutdown hook too.
 */
final class LocalConnectServer {

    private static String location;

    private LocalConnectServer() {
    }

    /** The {@code sc://} location of the running server, started on first use. */
    static synchronized String location() {
        if (location == null) {
            location = start().location();
        }
        return location;
    }

    /** A server of one test's own, with Spark settings ({@code KEY=VALUE}) of its own; stopped on close. */
    record Own(String location, Process process) implements AutoCloseable {
        @Override
        public void close() {
            process.destroy();
        }
    }

    static Own startOwn(String... settings) {
        return start(settings);
    }

    private static Own start(String... settings) {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path serve = Path.of("serve").toAbsolutePath();
            if (!Files.isExecutable(serve)) {
                throw new IllegalStateException("spark/serve not found at " + serve);
            }
            List<String> command = new ArrayList<>(List.of(serve.toString(), "--port",
                    String.valueOf(port), "--master", "local[2]", "--driver-memory", "2g"));
            for (String setting : settings) {
                command.add("--conf");
                command.add(setting);
            }
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            // The first line says it is ready; a server that dies says nothing (null).
            String ready = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).get(Duration.ofMinutes(10).toSeconds(), TimeUnit.SECONDS);
            if (ready == null || !ready.contains("sc://")) {
                throw new IllegalStateException("spark/serve did not start: " + ready);
            }
            return new Own(ready.substring(ready.indexOf("sc://"), ready.lastIndexOf('\'')), process);
        } catch (IOException | TimeoutException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot start spark/serve: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while spark/serve started", e);
        }
    }
}
