package dev.assay.kernel.transport;

import java.util.ArrayList;
import java.util.List;
import org.zeromq.ZMQ;

/**
 * Reads one multipart message from a kernel socket within the size limits, so that nobody who
 * can reach a port can make the kernel hold more than that. ZeroMQ's own limit
 * ({@link #limit}) refuses a single oversized frame before reading it: the sender is
 * disconnected. ZeroMQ counts per frame, not per message, so a message of many frames each
 * under the limit still arrives; it is counted here and dropped whole once over the limit.
 */
public final class FrameReader {

    /** Above the 20 MB cells the README promises, even JSON-escaped (up to six bytes a character of control text). */
    public static final long MAX_MESSAGE_BYTES = 128L * 1024 * 1024;
    /** A Jupyter message has identities, a delimiter, six frames and a few buffers; far fewer than this. */
    public static final int MAX_FRAMES = 1_000;

    private FrameReader() {
    }

    /** Makes ZeroMQ refuse, before reading it, any frame larger than the message limit. */
    public static void limit(ZMQ.Socket socket) {
        socket.setMaxMsgSize(MAX_MESSAGE_BYTES);
    }

    /**
     * The frames of the next message, or null when none has arrived ({@code ZMQ.DONTWAIT}).
     * A message over the limits is read to its end without keeping its frames, then refused.
     */
    public static List<byte[]> receive(ZMQ.Socket socket, int flags) throws MalformedMessageException {
        byte[] first = socket.recv(flags);
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        long bytes = first.length;
        int count = 1;
        boolean oversized = false;
        while (socket.hasReceiveMore()) {
            byte[] more = socket.recv(0);
            if (more == null) {
                return null;
            }
            bytes += more.length;
            count++;
            oversized = oversized || bytes > MAX_MESSAGE_BYTES || count > MAX_FRAMES;
            if (oversized) {
                frames.clear(); // let the frames read so far go while the rest is skipped
            } else {
                frames.add(more);
            }
        }
        if (oversized) {
            throw new MalformedMessageException("a message of " + count + " frames and " + bytes
                    + " bytes is over the limit of " + MAX_FRAMES + " frames and " + (MAX_MESSAGE_BYTES >> 20) + " MiB");
        }
        return frames;
    }
}
