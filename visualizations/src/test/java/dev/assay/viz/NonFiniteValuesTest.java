package dev.assay.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.dsl.check.CheckFailedException;
import dev.assay.dsl.check.CheckResult;
import dev.assay.dsl.check.Measure;
import dev.assay.dsl.workspace.Dataset;
import dev.assay.dsl.workspace.Workspace;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Infinite and NaN values are values: every operation over a column holding them shows its
 * result, judges rules by IEEE comparison, and leaves a JSON that a strict parser reads
 * (non-finite numbers as the strings "Infinity", "-Infinity", "NaN"); the session goes on.
 */
class NonFiniteValuesTest {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .configure(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS, false);

    private final RendererRegistry registry = RendererRegistry.withDefaults();
    private Workspace ws;
    private Dataset d;
    private Dataset e;

    @BeforeEach
    void open() {
        ws = Workspace.embedded();
        ws.sql("SELECT * FROM (VALUES (1, 1.5::DOUBLE), (2, 'inf'::DOUBLE), (3, '-inf'::DOUBLE), (4, 'nan'::DOUBLE), "
                + "(5, NULL::DOUBLE), (6, 2.0::DOUBLE)) t(id, ratio)", "d");
        ws.sql("SELECT * FROM (VALUES (1, 1.5::DOUBLE), (2, 'inf'::DOUBLE), (3, 7.0::DOUBLE), (4, 'nan'::DOUBLE), "
                + "(5, 3.0::DOUBLE), (7, '-inf'::DOUBLE)) t(id, ratio)", "e");
        d = ws.dataset("d");
        e = ws.dataset("e");
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void aFailingRuleOverInfinityIsJudgedAndNamed() {
        CheckFailedException failed = assertThrows(CheckFailedException.class,
                () -> d.check(Measure.max("ratio").lessThan(100)));
        assertTrue(failed.getMessage().contains("max(ratio) < 100 (measured Infinity)"), failed.getMessage());
        JsonNode rule = shownJson(failed.result()).get("rules").get(0);
        assertEquals("Infinity", rule.get("value").asText());
        assertFalse(rule.get("passed").asBoolean());
    }

    @Test
    void aPassingRuleOverInfinityIsShownAsACheck() {
        CheckResult passed = d.check(Measure.max("ratio").greaterThan(100), Measure.min("ratio").lessThan(0));
        MimeBundle shown = rendered(passed);
        assertTrue(shown.plainText().startsWith("Check d passed"), shown.plainText());
        assertTrue(shown.plainText().contains("Infinity") && shown.plainText().contains("-Infinity"), shown.plainText());
        JsonNode json = shownJson(passed);
        assertEquals("-Infinity", json.get("rules").get(1).get("value").asText());
    }

    @Test
    void everyOperationOverNonFiniteValuesShowsItsResult() {
        assertThrows(CheckFailedException.class, () -> d.check(Measure.max("ratio").lessThan(100)));
        d.check(Measure.max("ratio").greaterThan(100));
        for (Object result : new Object[] {d.show(), d.profile(), d.drift(e), d.diff(e, "id"), d.report(), d.report(e)}) {
            shownJson(result);
        }
        JsonNode shownRows = shownJson(d.show()).get("rows");
        assertTrue(shownRows.toString().contains("\"Infinity\"") && shownRows.toString().contains("\"-Infinity\"")
                && shownRows.toString().contains("\"NaN\""), shownRows.toString());
        JsonNode column = shownJson(d.profile()).get("columns").get(1);
        assertEquals("Infinity", column.get("max").asText());
        assertEquals("-Infinity", column.get("min").asText());
        // the session goes on: a report after the checks lists both, with their values
        JsonNode checks = shownJson(d.report()).get("checks");
        assertEquals(2, checks.size());
        assertEquals("Infinity", checks.get(0).get("rules").get(0).get("value").asText());
    }

    private MimeBundle rendered(Object result) {
        MimeBundle bundle = registry.render(result);
        assertFalse(bundle.plainText().contains("renderer for"), bundle.plainText());
        assertTrue(bundle.data().containsKey(MimeBundle.RESULT_JSON), result.getClass() + " has no JSON: " + bundle.plainText());
        return bundle;
    }

    /** The result's JSON as a client reads it: serialized, then parsed by a parser that refuses NaN tokens. */
    private JsonNode shownJson(Object result) {
        MimeBundle bundle = rendered(result);
        try {
            String text = new ObjectMapper().writeValueAsString(bundle.data().get(MimeBundle.RESULT_JSON));
            return STRICT.readTree(text);
        } catch (IOException ex) {
            throw new AssertionError("the JSON of " + result.getClass().getSimpleName() + " is not strict JSON", ex);
        }
    }
}
