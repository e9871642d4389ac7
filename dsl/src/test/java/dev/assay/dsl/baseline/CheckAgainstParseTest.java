package dev.assay.dsl.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.check.Rule;
import dev.assay.dsl.lang.ParseException;
import dev.assay.dsl.lang.Parser;
import dev.assay.dsl.lang.Position;
import dev.assay.dsl.statements.CheckStatement;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code check NAME against 'LABEL': ...}: the new rule forms as written, and each mistake reported where it is. */
class CheckAgainstParseTest {

    private static CheckStatement check(String cell) {
        return (CheckStatement) Parser.parse(cell).get(0);
    }

    private static String error(String cell) {
        return assertThrows(ParseException.class, () -> Parser.parse(cell)).getMessage();
    }

    @Test
    void everyRuleFormReadsBackAsWritten() {
        CheckStatement c = check("check t against 'nightly': rows within 10%, mean(x) within 3 sd, schema unchanged,\n"
                + "  drift < 20%, freshness(ts) <= 12 hours, missing(x)% within 50%, rows > 0, freshness(d) < 2 days");
        assertEquals("nightly", c.against());
        assertEquals(new Position(1, 17), c.againstPosition());
        assertEquals(List.of("rows within 10%", "mean(x) within 3 sd", "schema unchanged", "drift < 20%",
                "freshness(ts) <= 12 h", "missing(x)% within 50%", "rows > 0", "freshness(d) < 2 days"),
                c.rules().stream().map(Rule::text).toList());
        assertEquals(new Tolerance(new BigDecimal("3"), Tolerance.Kind.SD), c.rules().get(1).within());
        assertEquals(new BigDecimal("43200"), c.rules().get(4).limit(), "a duration is kept in seconds");
        assertEquals(new Position(2, 3), c.rulePositions().get(3));
    }

    @Test
    void freshnessNeedsNoBaseline() {
        CheckStatement c = check("check t: freshness(ts) <= 30 min");
        assertNull(c.against());
        assertEquals(new BigDecimal("1800"), c.rules().get(0).limit());
    }

    @Test
    void aBaselineRuleWithoutAgainstIsRefusedAtTheRule() {
        assertEquals("line 1, column 20: rows within 10% compares with pinned versions: write check t against 'LABEL': ...",
                error("check t: rows > 0, rows within 10%"));
        assertEquals("line 1, column 10: schema unchanged compares with pinned versions: write check t against 'LABEL': ...",
                error("check t: schema unchanged"));
        assertEquals("line 1, column 10: drift < 20% compares with pinned versions: write check t against 'LABEL': ...",
                error("check t: drift < 20%"));
    }

    @Test
    void withinOnAMeasureWithoutAKeptValueIsRefusedAtTheRule() {
        assertEquals("line 1, column 32: duplicates(a) has no value kept with pinned versions, so it cannot be within a "
                + "baseline; within applies to rows, missing, distinct, min, max, mean, outliers, skewness, null_like",
                error("check t against 'x': rows > 0, duplicates(a) within 10%"));
        assertTrue(error("check t against 'x': drift(ref) within 1 sd").startsWith("line 1, column 22: drift(ref) has no value"));
        assertEquals("line 1, column 37: expected % or sd after within 10, found 'percent'",
                error("check t against 'x': rows within 10 percent"));
        assertEquals("line 1, column 34: expected a tolerance, like within 10% or within 3 sd, found 'ten'",
                error("check t against 'x': rows within ten %"));
        assertEquals("line 1, column 34: a tolerance is 0 or more, like within 10% or within 3 sd",
                error("check t against 'x': rows within -1 sd"));
    }

    @Test
    void aMalformedDurationIsRefusedAtTheDuration() {
        assertEquals("line 1, column 30: unknown unit of time 'parsecs'; durations are written like 30 s, 30 min, 12 h, 2 days or "
                + "1 week (units: s, sec, secs, second, seconds, min, mins, minute, minutes, h, hr, hrs, hour, hours, d, day, "
                + "days, w, week, weeks)", error("check t: freshness(ts) <= 12 parsecs"));
        assertTrue(error("check t: freshness(ts) <= 12 hourz").contains("'hourz'; did you mean 'hour'?"));
        assertEquals("line 1, column 27: a duration is more than 0, like 12 h; got -3", error("check t: freshness(ts) <= -3 h"));
        assertEquals("line 1, column 27: expected a duration, like 30 min, 12 h or 2 days, found 'h'",
                error("check t: freshness(ts) <= h"));
        assertTrue(error("check t: freshness(ts) <= 12").startsWith("line 1, column 29: expected a unit of time after 12"));
        assertEquals("line 1, column 24: freshness is compared with < or <=, like freshness(ts) <= 12 h",
                error("check t: freshness(ts) > 1 h"));
    }

    @Test
    void theLabelIsCheckedWhereItIsWritten() {
        assertTrue(error("check t against 'a b': rows within 1%").startsWith("line 1, column 17: 'a b' is not a version label"));
        assertEquals("line 1, column 17: expected a version label in quotes, like 'reviews-train', found 'nightly'",
                error("check t against nightly: rows within 1%"));
    }
}
