package dev.assay.kernel.exec;

import dev.assay.kernel.java.JavaEvaluator;
import java.io.PrintStream;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The session's JShell, from start to close. It starts on the execution thread, as the first
 * task in its queue, once {@code mayStart} completes: the kernel holds it back until its sockets
 * are bound, because on two cores JShell's first compilation otherwise competes with the
 * kernel's own start for the CPU and delays the first kernel_info_reply.
 */
final class JavaSession implements AutoCloseable {

    private final Future<JavaEvaluator> java;

    JavaSession(ExecutionThread thread, CompletionStage<?> mayStart, PrintStream log) {
        this.java = thread.submit(() -> {
            mayStart.toCompletableFuture().join();
            JavaEvaluator evaluator = JavaEvaluator.start(log);
            evaluator.warmUp();
            return evaluator;
        });
    }

    /** JShell, once it has started (waits for it). */
    JavaEvaluator evaluator() {
        try {
            return java.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while JShell starts", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("JShell failed to start: " + e.getCause(), e.getCause());
        }
    }

    /** Stops the running snippet; nothing runs before JShell has started. */
    void stop() {
        if (java.isDone()) {
            evaluator().stop();
        }
    }

    @Override
    public void close() {
        if (java.isDone()) {
            evaluator().close();
        }
    }
}
