package dev.assay.kernel.exec;

import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * {@code System.in} for cells: each time a reader needs more, one line is asked of the
 * running cell's input source (Jupyter's input_request). Refusals are unchecked exceptions
 * on purpose: {@code Scanner} swallows IOExceptions and would report only "No line found".
 */
final class StdinStream extends InputStream {

    private final Supplier<InputSource> source;
    private byte[] buffer = new byte[0];
    private int position;

    StdinStream(Supplier<InputSource> source) {
        this.source = source;
    }

    @Override
    public synchronized int read() throws InterruptedIOException {
        if (!fill()) {
            return -1;
        }
        return buffer[position++] & 0xFF;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws InterruptedIOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, buffer.length - position);
        System.arraycopy(buffer, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public synchronized int available() {
        return buffer.length - position;
    }

    private boolean fill() throws InterruptedIOException {
        if (position < buffer.length) {
            return true;
        }
        String line;
        try {
            line = source.get().readLine("", false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for input");
        }
        if (line == null) {
            return false;
        }
        buffer = (line + "\n").getBytes(StandardCharsets.UTF_8);
        position = 0;
        return true;
    }
}
