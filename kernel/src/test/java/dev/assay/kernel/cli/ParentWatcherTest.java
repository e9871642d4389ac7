package dev.assay.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which client a kernel watches, and when it counts as gone (the end-to-end case: test_real_clients.py). */
class ParentWatcherTest {

    @Test
    void noClientToWatchWithoutAUsablePid() {
        for (String value : new String[] {null, "", "not a pid", "1", "0", "-5"}) {
            assertTrue(ParentWatcher.ofClient(value).isEmpty(), String.valueOf(value));
        }
    }

    @Test
    void aLiveClientIsNotGone() {
        ParentWatcher watcher = ParentWatcher.ofClient(" " + ProcessHandle.current().pid() + "\n").orElseThrow();
        assertFalse(watcher.gone());
    }

    @Test
    void aClientThatEndsIsGone() throws Exception {
        Process client = new ProcessBuilder("sleep", "60").start();
        try {
            ParentWatcher watcher = ParentWatcher.ofClient(String.valueOf(client.pid())).orElseThrow();
            assertFalse(watcher.gone());
            client.destroy();
            client.waitFor();
            assertTrue(watcher.gone());
        } finally {
            client.destroyForcibly();
        }
    }

    /** As ipykernel: a pid naming no visible process is no reason to end while this process has its parent. */
    @Test
    void aPidThatNamesNoProcessIsNotTakenForADeadClient() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        assertFalse(ParentWatcher.ofClient(String.valueOf(ended.pid())).orElseThrow().gone());
    }
}
