package dev.assay.kernel.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.CountDownLatch;
import jdk.jshell.JShell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Whatever a cell does, the session goes on: exits, out-of-memory, a thousand cells. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionSurvivalTest {

    private TestSession session;

    @BeforeAll
    void start() {
        session = new TestSession();
    }

    @AfterAll
    void stop() {
        session.close();
    }

    private RecordingSink run(String code) {
        return session.run(code);
    }

    @Test
    void systemExitAndHaltAreRefusedAndTheSessionLivesOn() {
        run("int survivor = 41;");
        CellError exit = session.error("System.exit(3);");
        assertEquals("java.lang.SecurityException", exit.ename());
        assertTrue(exit.evalue().startsWith("System.exit(3) was blocked"), exit.evalue());
        CellError halt = session.error("Runtime.getRuntime().halt(1);");
        assertEquals("java.lang.SecurityException", halt.ename());
        CellError fromThread = session.error("""
                var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
                Thread t = new Thread(() -> { try { System.exit(4); } catch (Throwable e) { failure.set(e); } });
                t.start(); t.join();
                throw (RuntimeException) failure.get();
                """);
        assertTrue(fromThread.evalue().startsWith("System.exit(4) was blocked"), fromThread.evalue());
        assertEquals("42", run("survivor + 1").result());
    }

    @Test
    void theGuardCannotBeRemovedOrReplacedSoExitStaysRefused() {
        run("int keeper = 6;");
        CellError removed = session.error("System.setSecurityManager(null);\nSystem.exit(7);");
        assertEquals("java.lang.SecurityException", removed.ename());
        assertTrue(removed.evalue().startsWith("System.setSecurityManager was blocked"), removed.evalue());
        CellError replaced = session.error("System.setSecurityManager(new SecurityManager());");
        assertTrue(replaced.evalue().startsWith("System.setSecurityManager was blocked"), replaced.evalue());
        CellError permitted = session.error("dev.assay.kernel.exec.ExitGuard.permitExit();");
        assertTrue(permitted.evalue().startsWith("ExitGuard.permitExit was blocked"), permitted.evalue());
        CellError exit = session.error("System.exit(7);");
        assertTrue(exit.evalue().startsWith("System.exit(7) was blocked"), exit.evalue());
        CellError runtimeExit = session.error("Runtime.getRuntime().exit(8);");
        assertTrue(runtimeExit.evalue().startsWith("System.exit(8) was blocked"), runtimeExit.evalue());
        CellError halt = session.error("Runtime.getRuntime().halt(9);");
        assertTrue(halt.evalue().startsWith("Runtime.halt(9) was blocked"), halt.evalue());
        assertEquals("42", run("keeper * 7").result());
    }

    /**
     * A cell's task that runs after the cell ended, on a thread outside the cells' group (as on
     * a shared pool): the cell's code on the stack is what refuses it.
     */
    @Test
    void anExitLeftForLaterOnAThreadOutsideTheCellIsRefused() throws Exception {
        run("""
                ThreadGroup top = Thread.currentThread().getThreadGroup();
                while (top.getParent() != null) top = top.getParent();
                var gate = new CountDownLatch(1);
                var caught = new java.util.concurrent.atomic.AtomicReference<Throwable>();
                Thread late = new Thread(top, () -> {
                    try { gate.await(); System.exit(11); } catch (Throwable e) { caught.set(e); }
                });
                late.start();
                System.getProperties().put("assay.test.gate", gate);
                System.getProperties().put("assay.test.late", late);
                """);
        // Released here, in the test's thread, with no cell running.
        ((CountDownLatch) System.getProperties().remove("assay.test.gate")).countDown();
        ((Thread) System.getProperties().remove("assay.test.late")).join();
        assertEquals("System.exit(11) was blocked", run("caught.get().getMessage().substring(0, 27)").result()
                .replace("\"", ""));
    }

    @Test
    void outOfMemoryIsReportedAndTheSessionStaysUsable() {
        run("int before = 6;");
        // One allocation larger than the whole heap: a real "Java heap space" error in the
        // cell, without starving the test JVM's own threads the way a slow fill would.
        CellError oom = session.error("long[] hog = new long[(int) Math.min(Integer.MAX_VALUE - 8, "
                + "Runtime.getRuntime().maxMemory() / 8 + (1 << 20))];");
        assertEquals("java.lang.OutOfMemoryError", oom.ename());
        assertEquals("Java heap space", oom.evalue());
        assertEquals("42", run("before * 7").result());
    }

    /**
     * JShell keeps every snippet, and each new snippet is compiled with an import of every
     * live declaration, so memory grows faster than linearly with the number of cells (on
     * these machines: about 175 MB after 1,000 two-line cells, in bare JShell as in the kernel).
     * The bound that matters is that the kernel adds no growth of its own: it is measured
     * against bare JShell fed the same snippets in the same JVM.
     */
    @Test
    void aThousandCellsGrowTheHeapNoMoreThanBareJShell() {
        int cells = 1000;
        long kernelGrowth = heapGrowth(() -> {
            for (int i = 0; i < cells; i++) {
                RecordingSink sink = run("int k" + i + " = " + i + " * 2;\nk" + i + " + 1");
                assertEquals(String.valueOf(i * 2 + 1), sink.result());
            }
        });
        long bareGrowth;
        try (JShell bare = JShell.builder().executionEngine("local").build()) {
            bareGrowth = heapGrowth(() -> {
                for (int i = 0; i < cells; i++) {
                    bare.eval("int k" + i + " = " + i + " * 2;");
                    bare.eval("k" + i + " + 1");
                }
            });
        }
        session.streams.log().printf("heap growth after %d cells: kernel %.1f MB, bare JShell %.1f MB%n",
                cells, kernelGrowth / 1048576.0, bareGrowth / 1048576.0);
        assertTrue(kernelGrowth <= bareGrowth * 5 / 4 + (32L << 20),
                "kernel grew " + (kernelGrowth >> 20) + " MB, bare JShell " + (bareGrowth >> 20) + " MB");
    }

    private static long heapGrowth(Runnable work) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        work.run();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed() - before;
    }
}
