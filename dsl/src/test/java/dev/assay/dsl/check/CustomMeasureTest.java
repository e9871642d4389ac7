package dev.assay.dsl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.lang.Interpreter;
import dev.assay.dsl.lang.LanguageAssist;
import dev.assay.dsl.lang.Parser;
import dev.assay.dsl.scan.Handle;
import dev.assay.dsl.workspace.Workspace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A measure an extension adds: named in {@code check} rules, measured through the check's scan. */
class CustomMeasureTest {

    /** {@code odd_rows}: 1 when the row count is odd, else 0. */
    record OddRows() implements CustomMeasure {
        @Override
        public String name() {
            return "odd_rows";
        }

        @Override
        public List<String> arguments() {
            return List.of();
        }

        @Override
        public Reading plan(Rule rule, CheckTarget data) {
            Handle<Long> rows = data.rows();
            return () -> RuleOutcome.measured(rule, rows.get() % 2);
        }
    }

    static final MeasureType ODD_ROWS = new MeasureType("odd_rows", arguments -> {
        if (!arguments.isEmpty()) {
            throw new IllegalArgumentException("odd_rows takes no column");
        }
        return new OddRows();
    });

    @Test
    void aRegisteredMeasureIsWrittenInCheckRulesAndMeasured() {
        MeasureSyntax.register(ODD_ROWS, "a test extension");
        MeasureSyntax.register(ODD_ROWS, "a test extension"); // the same type again changes nothing
        assertTrue(Measure.names().contains("odd_rows"));
        assertEquals(List.of(), Measure.NAMES.stream().filter("odd_rows"::equals).toList(), "NAMES are the built-in ones");
        try (Workspace ws = Workspace.embedded()) {
            ws.sql("CREATE TABLE t AS SELECT * FROM range(5) r(i)", null); // 5 rows: odd
            CheckResult result = (CheckResult) new Interpreter(ws).run(Parser.parse("check t: odd_rows = 1, rows = 5").get(0));
            assertTrue(result.passed(), result.toString());
            assertEquals(1.0, result.rules().get(0).value());
            assertTrue(LanguageAssist.complete("check t: odd", 12, ws).matches().contains("odd_rows"));
        }
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> Measure.of("odd_rows", List.of("i")));
        assertEquals("odd_rows takes no column", wrong.getMessage());
    }

    @Test
    void aTakenNameIsRefusedNamingBothRegistrations() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MeasureSyntax.register(new MeasureType("rows", a -> new OddRows()), "a test extension"));
        assertEquals("measure 'rows' of a test extension is registered already by Assay's built-in measures", e.getMessage());
    }
}
