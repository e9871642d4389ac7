package dev.assay.kernel.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assay.viz.MimeBundle;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StreamCaptureTest {

    @Test
    void multiByteCharactersSplitAcrossWritesArriveWhole() {
        RecordingSink sink = new RecordingSink();
        try (StreamCapture capture = StreamCapture.install()) {
            capture.bind(sink);
            byte[] bytes = "a\u00e9\u4e16\uD83D\uDE00z".getBytes(StandardCharsets.UTF_8);
            for (byte b : bytes) {
                System.out.write(b); // one byte at a time: every character is split
            }
            System.out.flush();
            capture.flush();
        }
        assertEquals("a\u00e9\u4e16\uD83D\uDE00z", sink.stdout());
    }

    @Test
    void interleavedStreamsKeepTheirOrder() {
        RecordingSink sink = new RecordingSink();
        try (StreamCapture capture = StreamCapture.install()) {
            capture.bind(sink);
            System.out.print("1");
            System.err.print("2");
            System.out.print("3");
            System.out.print("4");
            capture.flush();
        }
        assertEquals(3, sink.events.size());
        assertEquals("stdout:1 stderr:2 stdout:34", sink.events.stream()
                .map(e -> e.name() + ":" + e.text()).reduce((a, b) -> a + " " + b).orElse(""));
    }

    /**
     * A sink that flushes while it is being delivered to (as the cell's ordering sink does)
     * must not get text written meanwhile ahead of the chunk it is receiving.
     */
    @Test
    void aFlushFromInsideADeliveryKeepsTheOrder() {
        RecordingSink recorded = new RecordingSink();
        StreamCapture[] holder = new StreamCapture[1];
        OutputSink reentrant = new OutputSink() {
            private boolean first = true;

            @Override
            public void stream(String name, String text) {
                if (first) {
                    first = false;
                    System.out.print("B"); // written by another thread while A is being delivered
                    holder[0].flush();
                }
                recorded.stream(name, text);
            }

            @Override
            public void display(MimeBundle bundle, String displayId) {
            }

            @Override
            public void updateDisplay(MimeBundle bundle, String displayId) {
            }

            @Override
            public void clearOutput(boolean wait) {
            }

            @Override
            public void executeResult(int executionCount, MimeBundle bundle) {
            }

            @Override
            public void error(CellError error) {
            }
        };
        try (StreamCapture capture = StreamCapture.install()) {
            holder[0] = capture;
            capture.bind(reentrant);
            System.out.print("A");
            capture.flush();
            capture.flush();
        }
        assertEquals("AB", recorded.stdout());
    }
}
