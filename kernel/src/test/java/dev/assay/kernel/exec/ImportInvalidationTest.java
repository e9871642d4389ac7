package dev.assay.kernel.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.viz.RendererRegistry;
import org.junit.jupiter.api.Test;

/** In its own session: the import it makes would change the meaning of List for other tests. */
class ImportInvalidationTest {

    @Test
    void anImportThatBreaksAnEarlierDeclarationSaysSo() {
        try (StreamCapture streams = StreamCapture.install();
             CellExecutor executor = new CellExecutor(RendererRegistry.withDefaults(), streams)) {
            executor.execute(ExecuteRequest.of("List<String> names = List.of(\"a\");"), new RecordingSink());
            RecordingSink sink = new RecordingSink();
            executor.execute(ExecuteRequest.of("import java.awt.*;"), sink);
            String notes = sink.events.stream().map(RecordingSink.Event::text).reduce("", String::concat);
            assertTrue(notes.contains("names can no longer be used: `import java.awt.*;`"), notes);
            RecordingSink again = new RecordingSink();
            executor.execute(ExecuteRequest.of("java.util.List<String> names = java.util.List.of(\"b\");\nnames"), again);
            assertEquals("[b]", again.result());
        }
    }
}
