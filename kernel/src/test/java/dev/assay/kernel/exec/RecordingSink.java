package dev.assay.kernel.exec;

import dev.assay.viz.MimeBundle;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Keeps every output of a cell in order, for assertions. */
public final class RecordingSink implements OutputSink {

    public record Event(String kind, String name, String text, MimeBundle bundle, CellError error) {
    }

    public final List<Event> events = new ArrayList<>();

    @Override
    public synchronized void stream(String name, String text) {
        events.add(new Event("stream", name, text, null, null));
    }

    @Override
    public synchronized void display(MimeBundle bundle, String displayId) {
        events.add(new Event("display", displayId, null, bundle, null));
    }

    @Override
    public synchronized void updateDisplay(MimeBundle bundle, String displayId) {
        events.add(new Event("update", displayId, null, bundle, null));
    }

    @Override
    public synchronized void clearOutput(boolean wait) {
        events.add(new Event("clear", String.valueOf(wait), null, null, null));
    }

    @Override
    public synchronized void executeResult(int executionCount, MimeBundle bundle) {
        events.add(new Event("result", String.valueOf(executionCount), null, bundle, null));
    }

    @Override
    public synchronized void error(CellError error) {
        events.add(new Event("error", error.ename(), error.evalue(), null, error));
    }

    public synchronized String stdout() {
        return events.stream().filter(e -> e.kind().equals("stream") && e.name().equals("stdout"))
                .map(Event::text).collect(Collectors.joining());
    }

    public synchronized List<String> kinds() {
        return events.stream().map(Event::kind).toList();
    }

    public synchronized String result() {
        return events.stream().filter(e -> e.kind().equals("result")).map(e -> e.bundle().plainText())
                .findFirst().orElse(null);
    }
}
