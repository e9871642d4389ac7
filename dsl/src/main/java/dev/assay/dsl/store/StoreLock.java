package dev.assay.dsl.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The one writer of a store at a time: an operating-system lock on the store's {@code lock}
 * file, which the system releases when the holding process dies (even by SIGKILL), so a crashed
 * kernel never leaves the store locked. Threads of one JVM first queue on an in-process lock:
 * the OS lock belongs to the whole process.
 */
final class StoreLock implements AutoCloseable {

    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private static final long POLL_MILLIS = 50;

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private StoreLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /**
     * Waits for the lock until {@code patience} has passed or {@code cancelled} says stop
     * (checked every 50 ms), then fails naming the holder.
     */
    static StoreLock acquire(Path lockFile, Duration patience, BooleanSupplier cancelled) {
        Instant giveUp = Instant.now().plus(patience);
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(lockFile.toAbsolutePath().normalize(), p -> new ReentrantLock());
        try {
            while (!threadLock.tryLock(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                stopIfNeeded(lockFile, giveUp, cancelled);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the store lock " + lockFile, e);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            while ((lock = channel.tryLock()) == null) {
                stopIfNeeded(lockFile, giveUp, cancelled);
                Thread.sleep(POLL_MILLIS);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " since " + Instant.now() + "\n")
                    .getBytes(StandardCharsets.UTF_8)), 0);
            return new StoreLock(threadLock, channel, lock);
        } catch (IOException | OverlappingFileLockException e) {
            release(threadLock, channel);
            throw new StoreException("cannot lock the version store (" + lockFile + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            release(threadLock, channel);
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the store lock " + lockFile, e);
        } catch (RuntimeException e) {
            release(threadLock, channel);
            throw e;
        }
    }

    private static void stopIfNeeded(Path lockFile, Instant giveUp, BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new StoreException("stopped while waiting for the store lock " + lockFile);
        }
        if (Instant.now().isAfter(giveUp)) {
            throw new StoreException("the version store is busy: another process has held " + lockFile + " for too long ("
                    + holder(lockFile) + "); try again when it is done");
        }
    }

    private static String holder(Path lockFile) {
        try {
            return Files.readString(lockFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "holder unknown";
        }
    }

    private static void release(ReentrantLock threadLock, FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // closing releases the OS lock; nothing more to do
        } finally {
            threadLock.unlock();
        }
    }

    @Override
    public void close() {
        try {
            fileLock.release();
        } catch (IOException ignored) {
            // the channel's close below releases it too
        }
        release(threadLock, channel);
    }
}
