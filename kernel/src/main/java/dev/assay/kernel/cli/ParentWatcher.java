package dev.assay.kernel.cli;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Notices when the process that started this one is gone, so that this one does not outlive
 * it. As ipykernel does, a kernel watches the client named by {@code JPY_PARENT_PID} (Jupyter
 * clients set it): it is gone when that process ends, or when this process, started as its
 * child, gets another parent (the client died and the system adopted the kernel). Polled once
 * a second: Java has no portable "parent died" signal.
 */
final class ParentWatcher {

    static final String CLIENT_PID_VARIABLE = "JPY_PARENT_PID";
    private static final long POLL_MILLIS = TimeUnit.SECONDS.toMillis(1);

    private final long pid;
    /** Empty when the process had already ended when the watch began. */
    private final Optional<ProcessHandle> watched;
    private final boolean startedAsItsChild;

    private ParentWatcher(long pid) {
        this.pid = pid;
        this.watched = ProcessHandle.of(pid); // a handle knows its start time: a reused pid is not it
        this.startedAsItsChild = currentParentPid() == pid;
    }

    /**
     * The watcher of the client named by {@code JPY_PARENT_PID}; none when it is unset, not a
     * pid, or 1 (init never goes away, and a kernel started by it has no client to outlive).
     */
    static Optional<ParentWatcher> ofClient(String clientPid) {
        long pid;
        try {
            pid = clientPid == null ? -1 : Long.parseLong(clientPid.strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (pid <= 1) {
            return Optional.empty();
        }
        return Optional.of(new ParentWatcher(pid));
    }

    /** The watcher of this process's own parent, for a process started by another of ours. */
    static Optional<ParentWatcher> ofOwnParent() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid).filter(p -> p > 1).map(ParentWatcher::new);
    }

    long watchedPid() {
        return pid;
    }

    /**
     * Whether the watched process has ended, or this one was handed to another parent. A pid
     * that named no process this one can see when the watch began (a client in another pid
     * namespace, a stale variable) is not taken for a dead client: then, as ipykernel does,
     * only being adopted by init counts.
     */
    boolean gone() {
        if (watched.isEmpty()) {
            return currentParentPid() == 1;
        }
        return !watched.get().isAlive() || (startedAsItsChild && currentParentPid() != pid);
    }

    /** Runs {@code whenGone} once, on a daemon thread, as soon as the watched process is gone. */
    void start(Runnable whenGone) {
        Thread thread = new Thread(() -> {
            try {
                while (!gone()) {
                    Thread.sleep(POLL_MILLIS);
                }
                whenGone.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "assay-parent-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private static long currentParentPid() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
    }
}
