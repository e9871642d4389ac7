package dev.assay.dsl.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.lang.LanguageAssist;
import dev.assay.dsl.workspace.Workspace;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Completion in {@code suggest check for NAME vs HOLDOUT}: the keyword, its words, dataset names after for and vs. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuggestCompletionTest {

    private Workspace ws;

    @BeforeAll
    void open() {
        ws = Workspace.embedded();
        ws.query("SELECT 1 AS label", "reviews");
        ws.query("SELECT 1 AS label", "reruns");
    }

    @AfterAll
    void close() {
        ws.close();
    }

    private List<String> complete(String text) {
        return LanguageAssist.complete(text, text.length(), ws).matches();
    }

    @Test
    void theKeywordItsWordsAndDatasetsAfterForAndVs() {
        assertEquals(List.of("suggest"), complete("su"));
        assertEquals(List.of("check"), complete("suggest ch"));
        assertEquals(List.of("for"), complete("suggest check f"));
        assertEquals(List.of("reruns", "reviews"), complete("suggest check for re"));
        assertTrue(complete("suggest check for reviews v").contains("vs"), "clauses, as after any statement's dataset");
        assertEquals(List.of("reruns"), complete("suggest check for reviews vs rer"));
    }
}
