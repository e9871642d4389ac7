package dev.assay.viz.rows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.workspace.Copied;
import dev.assay.dsl.workspace.EngineUse;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.RendererRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code use} and {@code copy} results as text, HTML and their JSON. */
class EngineRenderersTest {

    private final RendererRegistry registry = RendererRegistry.withDefaults();

    @Test
    void useSaysWhereNewDatasetsAreMade() {
        MimeBundle b = registry.render(new EngineUse("spark", "sc://127.0.0.1:15002", true));
        assertEquals("using spark at sc://127.0.0.1:15002 (opened): new datasets are made there", b.plainText());
        assertTrue(((String) b.data().get(MimeBundle.TEXT_HTML)).contains("using spark at sc://127.0.0.1:15002"));
        Map<?, ?> json = (Map<?, ?>) b.data().get(MimeBundle.RESULT_JSON);
        assertEquals("use", json.get("kind"));
        assertEquals("spark", json.get("engine"));
        assertEquals("sc://127.0.0.1:15002", json.get("location"));
    }

    @Test
    void aCopyUnderItsOwnNameSaysItMoved() {
        MimeBundle b = registry.render(new Copied("train", "train", "duckdb", "spark", 1200, null, true));
        assertTrue(b.plainText().startsWith("train: moved 1,200 rows from duckdb to spark"), b.plainText());
        assertTrue(b.plainText().contains("no longer on duckdb"), b.plainText());
        assertTrue(b.plainText().endsWith("as Arrow batches"), b.plainText());
        Map<?, ?> json = (Map<?, ?>) b.data().get(MimeBundle.RESULT_JSON);
        assertEquals("copy", json.get("kind"));
        assertEquals(1200L, json.get("rows"));
        assertEquals("arrow", json.get("via"));
    }

    @Test
    void aCopyUnderAnotherNameKeepsTheSourceAndEscapesHtml() {
        MimeBundle b = registry.render(new Copied("t2", "t", "duckdb", "spark", 3, "/tmp/<x>", false));
        assertEquals("t2: a copy of the 3 rows of t (duckdb) on spark, through Parquet in /tmp/<x>", b.plainText());
        String html = (String) b.data().get(MimeBundle.TEXT_HTML);
        assertTrue(html.contains("/tmp/&lt;x&gt;") && !html.contains("<x>"), html);
    }
}
