package dev.assay.kernel.exec;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one thread on which cells run, and with them everything that touches JShell or the
 * workspace (completion, inspection), in the order asked: JShell and DuckDB are not meant to
 * be used from two threads at once. Its queue is the order of execution.
 */
final class ExecutionThread implements AutoCloseable {

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "assay-executor");
        t.setDaemon(true);
        return t;
    });

    /** Queues {@code task} and returns at once. */
    <T> Future<T> submit(Callable<T> task) {
        return worker.submit(task);
    }

    /** Runs {@code task} after everything queued before it and waits for its result. */
    <T> T call(Callable<T> task) {
        try {
            return worker.submit(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the executor", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
