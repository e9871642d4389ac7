package dev.assay.kernel.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which earlier snippets of a cell make its scope, told apart by their shape. */
class CellScopeTest {

    private static CellScope scopeOf(String... snippets) {
        return CellScope.of(Arrays.stream(snippets).map(s -> new SourceSlice(s, 0, true)).toList());
    }

    @Test
    void declarationsAreKeptAndStatementsLeftOut() {
        CellScope scope = scopeOf("String greeting = \"x\";", "var n = 1;", "int[] xs = {1, 2};",
                "final Map<String, List<Integer>> m = new HashMap<>();", "System.out.println(n);", "n + 1;",
                "return n;", "for (int i = 0; i < 3; i++) { n++; }", "if (n > 0) { n--; }", "import java.awt.Point;",
                "x = 4;");
        String text = scope.around("greeting.").text();
        for (String kept : List.of("String greeting = \"x\";", "var n = 1;", "int[] xs = {1, 2};",
                "final Map<String, List<Integer>> m = new HashMap<>();")) {
            assertTrue(text.contains(kept), kept + " in\n" + text);
        }
        for (String left : List.of("println", "n + 1", "return", "for (", "if (", "import", "x = 4")) {
            assertTrue(!text.contains(left), left + " not in\n" + text);
        }
    }

    @Test
    void methodsAndTypesBecomeMembersAndTheTypedSnippetGoesInAMethodBody() {
        CellScope scope = scopeOf("int twice(int x) { return 2 * x; }", "public static <T> List<T> two(T a) { return List.of(a, a); }",
                "record Point(int x, int y) { }", "@FunctionalInterface interface Op { int apply(int a); }", "var n = 1;");
        String text = scope.around("n.").text();
        int body = text.indexOf("void $assayCell()");
        for (String member : List.of("int twice", "two(T a)", "record Point", "interface Op")) {
            assertTrue(text.indexOf(member) >= 0 && text.indexOf(member) < body, member + " is a member in\n" + text);
        }
        assertTrue(text.indexOf("var n = 1;") > body);
        assertTrue(text.endsWith("var n = 1;\nn."), text);
    }

    @Test
    void aSnippetDeclaringAMethodSeesTypedVariablesAsFields() {
        String text = scopeOf("String greeting = \"x\";", "var n = 1;").around("void shout() { greeting.").text();
        assertTrue(text.contains("String greeting = \"x\";") && !text.contains("var n") && !text.contains("$assayCell"), text);
    }

    @Test
    void aBareNameAtTheStartOfAStatementIsAnalyzedAsAnExpression() {
        assertTrue(scopeOf("var n = 1;").around("gree").text().endsWith("\nObject $assayProbe = gree"));
        assertTrue(scopeOf("String s = \"\";").around("void f() {\n  gree").text().endsWith("{\n  Object $assayProbe = gree"));
        assertEquals(0, CellScope.statementStartName("gree"));
        assertEquals(13, CellScope.statementStartName("if (n > 0) { gree"));
        assertEquals(-1, CellScope.statementStartName("for (int i = 0; gre"), "inside a for header");
        assertEquals(-1, CellScope.statementStartName("greeting.toU"));
        assertEquals(-1, CellScope.statementStartName("int x = gre"), "already an expression");
        assertEquals(-1, CellScope.statementStartName("gree."));
    }

    @Test
    void incompleteSnippetsAndAnEmptyCellMakeNoScope() {
        assertTrue(CellScope.of(List.of(new SourceSlice("String s = ", 0, false))).isEmpty());
        assertTrue(scopeOf("System.out.println(1);").isEmpty());
    }
}
