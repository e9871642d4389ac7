package dev.assay.kernel.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Completion sees names declared earlier in the same cell, which has not run, without running any of it. */
class JavaCompletionTest {

    private static JavaEvaluator java;

    @BeforeAll
    static void start() {
        java = JavaEvaluator.start(new PrintStream(PrintStream.nullOutputStream()));
    }

    @AfterAll
    static void stop() {
        java.close();
    }

    private static Completion completeAtEnd(String cell) {
        return java.complete(cell, cell.length());
    }

    @Test
    void aVariableDeclaredEarlierInTheCellCompletesItsMembers() {
        String cell = "String greeting = \"x\";\ngreeting.toU";
        Completion c = completeAtEnd(cell);
        assertEquals(List.of("toUpperCase("), c.matches());
        assertEquals(cell.length() - "toU".length(), c.start());
        assertEquals(cell.length(), c.end());
    }

    @Test
    void varDeclarationsAndGenericTypesAreInferredWithoutRunning() {
        Completion c = completeAtEnd("var words = List.of(\"a\", \"b\");\nMap<String, List<Integer>> byWord = new HashMap<>();\n"
                + "words.get(0).toLowerCa");
        assertEquals(List.of("toLowerCase("), c.matches());
        assertEquals(List.of("putIfAbsent("), completeAtEnd("var words = List.of(\"a\");\n"
                + "Map<String, List<Integer>> byWord = new HashMap<>();\nbyWord.putIfA").matches());
    }

    @Test
    void aBareNameCompletesToTheCellsVariableAndTheSessionsNames() {
        java.eval("String greetingFromSession = \"s\";", "Cell In[1]");
        String cell = "int count = 1;\nString greetingInCell = \"x\";\ngreetingI";
        Completion c = completeAtEnd(cell);
        assertEquals(List.of("greetingInCell"), c.matches());
        assertEquals(cell.length() - "greetingI".length(), c.start());
        assertTrue(completeAtEnd("int count = 1;\ngreeting").matches()
                .containsAll(List.of("greetingFromSession")), "session variables stay visible");
        assertTrue(completeAtEnd("int count = 1;\nStringBui").matches().contains("StringBuilder"), "types too");
    }

    @Test
    void methodsAndRecordsDeclaredEarlierInTheCellComplete() {
        String declarations = "int twice(int x) { return 2 * x; }\nrecord Point(int x, int y) { }\n";
        assertEquals(List.of("twice("), completeAtEnd(declarations + "twi").matches());
        assertTrue(completeAtEnd(declarations + "Point p = new Point(1, 2);\np.").matches().containsAll(List.of("x()", "y()")));
        assertEquals(List.of("twice("), completeAtEnd(declarations + "int four = twi").matches());
    }

    @Test
    void aMethodDeclaredInTheCellSeesTheCellsTypedVariables() {
        assertEquals(List.of("toUpperCase("), completeAtEnd("String greeting = \"x\";\nvoid shout() {\n  greeting.toU").matches());
    }

    @Test
    void aBareNameAtTheStartOfAStatementInsideABlockBeingTyped() {
        assertEquals(List.of("salutation"), completeAtEnd("String salutation = \"x\";\nvoid shout() {\n  salu").matches());
        String loop = "String salutation = \"x\";\nfor (int i = 0; i < 2; i++) {\n  salu";
        Completion c = completeAtEnd(loop);
        assertEquals(List.of("salutation"), c.matches());
        assertEquals(loop.length() - 4, c.start());
    }

    @Test
    void statementsAndExpressionsBeforeTheCursorDoNotSpoilTheScope() {
        String cell = "String greeting = \"x\";\nSystem.out.println(greeting);\nfor (int i = 0; i < 2; i++) { }\n"
                + "greeting.length()\nimport java.awt.Point;\ngreeting.toU";
        assertEquals(List.of("toUpperCase("), completeAtEnd(cell).matches());
    }

    @Test
    void completionNeverRunsTheCell() {
        String cell = "String ran = System.setProperty(\"assay.completion.ran\", \"yes\");\n"
                + "int twice(int x) { System.setProperty(\"assay.completion.ran\", \"twice\"); return 2 * x; }\n"
                + "int four = twice(2);\nran.toU";
        assertEquals(List.of("toUpperCase("), completeAtEnd(cell).matches());
        assertNull(System.getProperty("assay.completion.ran"), "no initializer ran");
        assertTrue(java.variableText("ran").isEmpty(), "nothing was declared in the session");
        assertTrue(java.variableText("four").isEmpty());
    }

    @Test
    void theCursorInTheMiddleOfACellSeesOnlyWhatComesBefore() {
        String before = "String greeting = \"x\";\ngreeting.toU";
        String cell = before + "\nint later = 3;";
        Completion c = java.complete(cell, before.length());
        assertEquals(List.of("toUpperCase("), c.matches());
        assertEquals(before.length() - 3, c.start());
    }
}
