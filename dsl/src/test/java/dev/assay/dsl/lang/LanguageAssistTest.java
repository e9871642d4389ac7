package dev.assay.dsl.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LanguageAssistTest {

    private Workspace ws;

    @BeforeAll
    void open() {
        ws = Workspace.embedded();
        ws.query("SELECT 1 AS label, 'a' AS text, 7 AS user_id, 'x' AS \"table\"", "reviews");
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
    void statementKeywordsAtTheStartOfALineAndAfterEquals() {
        assertEquals(List.of("pin", "profile"), complete("p"));
        assertEquals(List.of("dedup"), complete("load 'x.csv'\nclean = d"));
        assertEquals(List.of("report", "reruns", "reviews"), complete("re"));
    }

    @Test
    void datasetNamesWhereADatasetComes() {
        assertEquals(List.of("reruns", "reviews"), complete("show re"));
        assertEquals(List.of("reviews"), complete("drift reruns vs rev"));
        assertEquals(List.of("reruns"), complete("leakage reviews, rer"));
    }

    @Test
    void columnNamesOfTheStatementsDatasetAfterOnByAndInCheckFunctions() {
        assertEquals(List.of("label"), complete("profile reviews on la"));
        assertEquals(List.of("table", "text"), complete("duplicates reviews on label, t"));
        assertEquals(List.of("user_id"), complete("a, b = split reviews 80/20 group us"));
        assertEquals(List.of("table", "text"), complete("check reviews: missing(t"));
        assertEquals(List.of("table", "text"), complete("duplicates reviews on label,\n  t"), "a continued line");
    }

    @Test
    void suggestCheckCompletesItsWordsAndDatasetsAfterForAndVs() {
        assertEquals(List.of("suggest"), complete("su"));
        assertEquals(List.of("check"), complete("suggest ch"));
        assertEquals(List.of("for"), complete("suggest check f"));
        assertEquals(List.of("reruns", "reviews"), complete("suggest check for re"));
        assertTrue(complete("suggest check for reviews v").contains("vs"), "clauses, as after any statement's dataset");
        assertEquals(List.of("reruns"), complete("suggest check for reviews vs rer"));
        assertEquals(List.of("reruns", "reviews"), complete("check re"), "check alone still takes a dataset");
    }

    @Test
    void measuresAndReferencesInsideACheck() {
        assertEquals(List.of("max", "mean", "min", "minority", "missing"), complete("check reviews: m"));
        assertEquals(List.of("distinct", "drift", "duplicates"), complete("check reviews: rows > 0, d"));
        assertEquals(List.of("distinct", "drift", "duplicates"), complete("check reviews: rows > 0,  # more\n  d"));
        assertEquals(List.of("reruns", "reviews"), complete("check reviews: drift(re"));
        assertEquals(List.of("table", "text"), complete("check reviews: rows > 0, duplicates(label, t"));
    }

    @Test
    void labelMeasuresCompleteTheirColumnsAndTheOtherDataset() {
        assertEquals(List.of("imbalance"), complete("check reviews: i"));
        assertEquals(List.of("association"), complete("check reviews: rows > 0, as"));
        assertEquals(List.of("new_labels", "null_like"), complete("check reviews: n"));
        assertEquals(List.of("label"), complete("check reviews: new_labels(la"), "the label is a column");
        assertEquals(List.of("reruns", "reviews"), complete("check reviews: new_labels(label, re"), "OTHER is a dataset");
        assertEquals(List.of("table", "text"), complete("check reviews: association(t"));
        assertEquals(List.of("label"), complete("check reviews: association(text, l"));
    }

    @Test
    void storedLabelsInsideTheQuotesWhereALabelComes(@TempDir Path store) {
        ws.useStore(store.toString());
        ws.dataset("reviews").pin("reviews-train");
        ws.dataset("reruns").pin("reviews-test.v2");
        assertEquals(List.of("reviews-test.v2", "reviews-train"), complete("versions 'rev"));
        assertEquals(List.of("reviews-train"), complete("old = load pin 'reviews-tr"));
        assertEquals(List.of("reviews-test.v2"), complete("pin reruns as 'reviews-te"));
        assertEquals(List.of("reviews-test.v2", "reviews-train"), complete("diff 'reviews-train@1' '"));
        assertEquals(List.of("reviews-train"), complete("check reviews: fingerprint = 'reviews-tr"));
        LanguageAssist.Completions c = LanguageAssist.complete("versions 'reviews-tr'", 19, ws);
        assertEquals(10, c.start(), "the whole label is replaced, '-' included");
        assertEquals(20, c.end());
        assertEquals(List.of(), complete("x = load 'rev"), "paths are not labels");
    }

    @Test
    void clausesElsewhereAndNothingInsideStrings() {
        assertEquals(List.of("near", "normalize"), complete("duplicates reviews on text n"));
        assertEquals(List.of("psi"), complete("drift reviews vs reruns using p"));
        assertEquals(List.of(), complete("load 'rev"));
    }

    @Test
    void theRangeReplacedIsTheWordAroundTheCursor() {
        LanguageAssist.Completions c = LanguageAssist.complete("show revXX", 8, ws);
        assertEquals(5, c.start());
        assertEquals(10, c.end());
        assertEquals(List.of("reviews"), c.matches());
    }

    @Test
    void describeGivesRowsAndSchemaOfTheDatasetUnderTheCursor() {
        String text = LanguageAssist.describe("profile reviews on label", 10, ws).orElseThrow();
        assertTrue(text.startsWith("dataset reviews: 1 rows, 4 columns\n"), text);
        assertTrue(text.contains("  user_id  integer"), text);
        assertTrue(text.contains("  table    varchar"), text);
        assertTrue(LanguageAssist.describe("profile reviews on label", 21, ws).isEmpty(), "a column is no dataset");
    }

    @Test
    void sampleCompletesLikeTheOtherStatements() {
        assertEquals(List.of("sample"), complete("s = sa"));
        assertEquals(List.of("reruns", "reviews"), complete("s = sample re"));
        assertEquals(List.of("seed", "stratify"), complete("s = sample reviews 10% s"));
    }

    @Test
    void describeOfAStatementKeywordIsItsHelpLine() {
        assertEquals(StatementRegistry.builtIn().find("sample").orElseThrow().help(),
                LanguageAssist.describe("s = sample reviews 10%", 7, ws).orElseThrow());
        assertTrue(LanguageAssist.describe("s = sample reviews 10%", 7, ws).orElseThrow().contains("sample NAME 10% [seed N]"));
        assertTrue(LanguageAssist.describe("show reviews", 2, ws).orElseThrow().startsWith("show NAME"));
    }
}
