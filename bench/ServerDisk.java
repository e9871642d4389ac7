import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The bytes a Spark server keeps in its local directory (checkpointed relations' blocks and
 * shuffle files), weighed every second in the background: the most since the last
 * {@link #resetPeak}, and the present amount. A long session must give its disk back.
 */
final class ServerDisk implements AutoCloseable {

    private final Path directory;
    private final AtomicLong peak = new AtomicLong();
    private final Thread watcher;

    ServerDisk(Path directory) {
        this.directory = directory;
        this.watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(now(), Math::max);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "server-disk");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** The bytes under the directory now (a file removed while weighed counts 0). */
    long now() {
        for (int attempt = 0; ; attempt++) {
            try (Stream<Path> files = Files.walk(directory)) {
                return files.filter(Files::isRegularFile).mapToLong(f -> {
                    try {
                        return Files.size(f);
                    } catch (IOException e) {
                        return 0;
                    }
                }).sum();
            } catch (IOException | UncheckedIOException e) {
                if (attempt == 5) {
                    return -1; // the directory kept changing under the walk: unknown
                }
            }
        }
    }

    /** The most weighed since the last call, and starts a new period. */
    long resetPeak() {
        return peak.getAndSet(now());
    }

    @Override
    public void close() {
        watcher.interrupt();
    }
}
