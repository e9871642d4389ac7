package dev.assay.kernel.exec;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Routes {@code System.out} and {@code System.err} of the whole process to the sink of the
 * running (or most recent) cell. Snippets run in this JVM, so swapping the process streams
 * is the only way to see what they and the threads they start print.
 *
 * <p>Writes are buffered and flushed in order every {@value #FLUSH_MILLIS} ms, so output
 * appears while a cell runs without one message per character; {@link #flush()} delivers
 * the rest before a cell's reply. Before any cell has run, output goes to the kernel's own
 * standard error (the Jupyter server log).
 */
public final class StreamCapture implements AutoCloseable {

    static final long FLUSH_MILLIS = 50;

    private final PrintStream originalOut;
    private final PrintStream originalErr;
    private final Object bufferLock = new Object();
    private final Object deliveryLock = new Object();
    private final List<Chunk> pending = new ArrayList<>();
    private final ScheduledExecutorService flusher;
    private volatile OutputSink target;
    /** True while the delivering thread is inside a sink; guarded by {@link #deliveryLock}. */
    private boolean delivering;

    private record Chunk(String name, StringBuilder text) {
    }

    private StreamCapture() {
        this.originalOut = System.out;
        this.originalErr = System.err;
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "assay-stream-flusher");
            t.setDaemon(true);
            return t;
        });
    }

    /** Swaps the process streams; {@link #close()} puts the originals back. */
    public static StreamCapture install() {
        StreamCapture capture = new StreamCapture();
        System.setOut(new PrintStream(new ChannelStream(capture, "stdout"), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new ChannelStream(capture, "stderr"), true, StandardCharsets.UTF_8));
        capture.flusher.scheduleWithFixedDelay(capture::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        return capture;
    }

    /** The kernel's own log stream, never captured. */
    public PrintStream log() {
        return originalErr;
    }

    /** Sends later output to {@code sink}, after delivering what is pending to the previous one. */
    public void bind(OutputSink sink) {
        flush();
        target = sink;
    }

    /**
     * Delivers everything written so far, in the order it was written. A sink that flushes
     * while it receives a chunk (the cell's ordering sink does) re-enters here on the same
     * thread; that nested call returns at once, since delivering newer text first would
     * reverse the order.
     */
    public void flush() {
        synchronized (deliveryLock) {
            if (delivering) {
                return;
            }
            delivering = true;
            try {
                deliverPending();
            } finally {
                delivering = false;
            }
        }
    }

    /** One snapshot per call, so a thread that never stops printing cannot keep a flush going. */
    private void deliverPending() {
        List<Chunk> chunks;
        synchronized (bufferLock) {
            if (pending.isEmpty()) {
                return;
            }
            chunks = new ArrayList<>(pending);
            pending.clear();
        }
        OutputSink sink = target;
        for (Chunk chunk : chunks) {
            if (sink == null) {
                ("stdout".equals(chunk.name) ? originalOut : originalErr).print(chunk.text);
            } else {
                try {
                    sink.stream(chunk.name, chunk.text.toString());
                } catch (RuntimeException e) {
                    originalErr.println("assay: could not deliver output: " + e);
                }
            }
        }
    }

    void append(String name, String text) {
        synchronized (bufferLock) {
            Chunk last = pending.isEmpty() ? null : pending.get(pending.size() - 1);
            if (last != null && last.name.equals(name)) {
                last.text.append(text);
            } else {
                pending.add(new Chunk(name, new StringBuilder(text)));
            }
        }
    }

    @Override
    public void close() {
        flusher.shutdownNow();
        flush();
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    /** Decodes UTF-8 bytes into text, holding back an incomplete trailing character. */
    private static final class ChannelStream extends OutputStream {
        private final StreamCapture capture;
        private final String name;
        private byte[] carry = new byte[0];

        ChannelStream(StreamCapture capture, String name) {
            this.capture = capture;
            this.name = name;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            byte[] bytes;
            if (carry.length == 0) {
                bytes = Arrays.copyOfRange(b, off, off + len);
            } else {
                bytes = new byte[carry.length + len];
                System.arraycopy(carry, 0, bytes, 0, carry.length);
                System.arraycopy(b, off, bytes, carry.length, len);
            }
            int complete = completePrefix(bytes);
            carry = Arrays.copyOfRange(bytes, complete, bytes.length);
            if (complete > 0) {
                capture.append(name, new String(bytes, 0, complete, StandardCharsets.UTF_8));
            }
        }

        /** Length of the longest prefix that does not end inside a multi-byte character. */
        static int completePrefix(byte[] bytes) {
            int n = bytes.length;
            for (int back = 1; back <= Math.min(3, n); back++) {
                int b = bytes[n - back] & 0xFF;
                if ((b & 0xC0) == 0x80) {
                    continue; // continuation byte: look further back for the lead
                }
                int need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                return need > back ? n - back : n;
            }
            return n;
        }
    }
}
