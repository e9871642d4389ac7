package dev.assay.kernel.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
