package dev.assay.kernel.protocol;

import dev.assay.kernel.exec.Execution;
import dev.assay.kernel.transport.Json;
import dev.assay.kernel.transport.Message;
import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * Answers control requests on their own thread, so that they are served while a cell runs:
 * interrupt, shutdown (with restart) and kernel_info.
 */
final class ControlHandler {

    private final Execution executor;
    private final IopubChannel iopub;
    private final PrintStream log;
    private final Consumer<Boolean> shutdown;

    ControlHandler(Execution executor, IopubChannel iopub, PrintStream log, Consumer<Boolean> shutdown) {
        this.executor = executor;
        this.iopub = iopub;
        this.log = log;
        this.shutdown = shutdown;
    }

    void handle(Message request, ReplyChannel replies) {
        iopub.status(request, "busy");
        try {
            switch (request.type()) {
                case "interrupt_request" -> {
                    executor.interrupt();
                    replies.reply(request, "interrupt_reply", Json.object().put("status", "ok"));
                }
                case "shutdown_request" -> {
                    boolean restart = request.content().path("restart").asBoolean(false);
                    replies.reply(request, "shutdown_reply", Json.object().put("status", "ok").put("restart", restart));
                    executor.interrupt();
                    shutdown.accept(restart);
                }
                case "kernel_info_request" -> replies.reply(request, "kernel_info_reply", KernelInfo.content());
                default -> log.println("assay: ignoring unknown control message type '" + request.type() + "'");
            }
        } finally {
            iopub.status(request, "idle");
        }
    }
}
