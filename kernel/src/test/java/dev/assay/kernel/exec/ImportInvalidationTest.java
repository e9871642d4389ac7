package dev.assay.kernel.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** In its own session: the import it makes would change the meaning of List for other tests. */
class ImportInvalidationTest {

    @Test
    void anImportThatBreaksAnEarlierDeclarationSaysSo() {
        try (TestSession session = new TestSession()) {
            session.run("List<String> names = List.of(\"a\");");
            RecordingSink sink = session.run("import java.awt.*;");
            String notes = sink.events.stream().map(RecordingSink.Event::text).reduce("", String::concat);
            assertTrue(notes.contains("names can no longer be used: `import java.awt.*;`"), notes);
            RecordingSink again = session.run("java.util.List<String> names = java.util.List.of(\"b\");\nnames");
            assertEquals("[b]", again.result());
        }
    }
}
