package dev.assay.dsl.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.lang.StatementType.Binding;
import dev.assay.dsl.lang.StatementType.Completion;
import dev.assay.dsl.workspace.Workspace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One registry: the parser, completion and help derive from it, and more statements can be registered. */
class StatementRegistryTest {

    /** {@code shout NAME}: a statement that only this test knows. */
    record Shout(String dataset, Position position) implements Statement {
        @Override
        public Object run(StatementContext context) {
            return context.workspace().dataset(dataset).name().toUpperCase();
        }
    }

    private static final StatementType SHOUT = new StatementSyntax("shout", Binding.NONE, "shout NAME",
            Completion.ofDataset(), List.of(), (in, targets, at) -> new Shout(in.name("a dataset name"), at));

    @Test
    void everyBuiltInStatementHasOneTypeWithItsHelpLine() {
        StatementRegistry registry = StatementRegistry.builtIn();
        assertEquals(List.of("load", "show", "profile", "duplicates", "dedup", "split", "sample", "leakage", "drift", "labels",
                "conflicts", "correlations", "pin",
                "versions", "history", "diff", "check", "suggest", "report", "use", "copy"), registry.keywords());
        for (StatementType type : registry.types()) {
            assertTrue(type.help().contains(type.keyword()), type.keyword() + ": " + type.help());
        }
        assertEquals(List.of("load", "dedup", "split", "sample", "conflicts"), registry.bindingKeywords());
    }

    @Test
    void aRegisteredStatementParsesAndRuns() {
        StatementRegistry registry = StatementRegistry.withBuiltIns();
        registry.register(SHOUT);
        List<Statement> parsed = Parser.parse("show t\nshout t", registry);
        assertEquals(new Shout("t", new Position(2, 1)), parsed.get(1));
        try (Workspace ws = Workspace.embedded()) {
            ws.query("SELECT 1 AS x", "t");
            assertEquals("T", new Interpreter(ws).run(parsed.get(1)));
        }
        assertTrue(assertThrows(ParseException.class, () -> Parser.parse("shout t")).getMessage()
                .startsWith("line 1, column 1: unknown statement 'shout'"), "the built-in registry is not changed");
        assertThrows(IllegalArgumentException.class, () -> registry.register(SHOUT), "a keyword is registered once");
    }

    @Test
    void aTakenKeywordIsRefusedNamingBothRegistrations() {
        StatementRegistry registry = StatementRegistry.withBuiltIns();
        registry.register(SHOUT, "the shouting extension");
        StatementType another = new StatementSyntax("shout", Binding.NONE, "shout NAME", Completion.ofDataset(), List.of(),
                (in, targets, at) -> new Shout(in.name("a dataset name"), at));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> registry.register(another, "a second extension"));
        assertEquals("statement 'shout' of a second extension is registered already by the shouting extension", twice.getMessage());
        IllegalArgumentException builtIn = assertThrows(IllegalArgumentException.class,
                () -> registry.register(new StatementSyntax("show", Binding.NONE, "show", Completion.ofDataset(), List.of(),
                        (in, targets, at) -> null), "a third extension"));
        assertEquals("statement 'show' of a third extension is registered already by Assay's built-in statements",
                builtIn.getMessage());
        assertTrue(registry.holds(SHOUT));
        assertTrue(!registry.holds(another));
    }
}
