package dev.assay.dsl.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.workspace.Workspace;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Profiles of small tables whose statistics are known by construction. The comparison with
 * pandas on real data is tests/data/test_profile_vs_pandas.py.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfileTest {

    private Workspace ws;

    @BeforeAll
    void open() {
        ws = Workspace.embedded();
    }

    @AfterAll
    void close() {
        ws.close();
    }

    private static ColumnProfile column(Profile p, String name) {
        return p.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void numbersOneToTenHaveTheTextbookStatistics() {
        ws.query("SELECT range::INTEGER AS n FROM range(1, 11)", "ten");
        ColumnProfile n = column(ws.dataset("ten").profile(), "n");
        assertEquals(ColumnKind.NUMERIC, n.kind());
        assertEquals(10, n.count());
        assertEquals(0, n.missing());
        assertEquals(10, n.distinct());
        assertEquals(1, ((Number) n.min()).intValue());
        assertEquals(10, ((Number) n.max()).intValue());
        assertEquals(5.5, (Double) n.mean());
        // Sample variance of 1..10 is 55/6.
        assertEquals(Math.sqrt(55.0 / 6.0), n.std(), 1e-15);
        // Linear interpolation at position q * (n - 1): 0.05 -> 1.45, 0.25 -> 3.25, 0.5 -> 5.5.
        assertEquals(1.45, (Double) n.quantiles().get("0.05"), 1e-12);
        assertEquals(3.25, (Double) n.quantiles().get("0.25"), 1e-12);
        assertEquals(5.5, (Double) n.quantiles().get("0.5"), 1e-12);
        assertEquals(7.75, (Double) n.quantiles().get("0.75"), 1e-12);
        assertEquals(9.55, (Double) n.quantiles().get("0.95"), 1e-12);
        // Ten distinct values: a bin per value, edges half-way between them.
        assertEquals(11, n.histogram().edges().size());
        assertEquals(List.of(1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L), n.histogram().counts());
        assertEquals(1.5, (Double) n.histogram().edges().get(1), 1e-12);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), n.histogram().values());
        assertNull(n.length());
        assertNull(n.pii());
    }

    @Test
    void fewValuedNumbersGetOneBinPerValueLabelledWithIt() {
        // A binary label (62/38, as titanic's survived) and class codes 1, 2, 3 (as pclass), and 20 distinct values.
        ws.query("SELECT CASE WHEN i % 100 < 62 THEN 0 ELSE 1 END::BIGINT AS survived, 1 + i % 3 AS pclass, "
                + "(i % 20) * 2.5 AS twenty FROM range(1000) r(i)", "labels");
        Profile p = ws.dataset("labels").profile();
        Histogram survived = column(p, "survived").histogram();
        assertEquals(List.of(0L, 1L), survived.values());
        assertEquals(List.of(620L, 380L), survived.counts());
        assertEquals(List.of(-0.5, 0.5, 1.5), survived.edges(), "edges half-way between values, half a gap outside");
        Histogram pclass = column(p, "pclass").histogram();
        assertEquals(List.of(1L, 2L, 3L), pclass.values());
        assertEquals(List.of(334L, 333L, 333L), pclass.counts(), "classes 2 and 3 in their own bins");
        assertEquals(List.of(0.5, 1.5, 2.5, 3.5), pclass.edges());
        Histogram twenty = column(p, "twenty").histogram();
        assertEquals(PerValueBins.MAX_DISTINCT, twenty.counts().size());
        assertEquals(50L, twenty.counts().get(0));
        assertEquals(List.of(-1.25, 1.25, 3.75), twenty.edges().subList(0, 3));
        Map<?, ?> json = (Map<?, ?>) ((Map<?, ?>) ((List<?>) p.toJson().get("columns")).get(0)).get("histogram");
        assertEquals(List.of(0L, 1L), json.get("values"));
        assertEquals(List.of(620L, 380L), json.get("counts"));

        ws.query("SELECT i % 21 AS many FROM range(210) r(i)", "many_values");
        Histogram many = column(ws.dataset("many_values").profile(), "many").histogram();
        assertNull(many.values(), "21 distinct values: equal-width bins");
        assertEquals(21, many.counts().size());
    }

    @Test
    void aConstantColumnOfLargeMagnitudeHasAHistogram() {
        // Above 2^53, min - 0.5 is min: a zero-width range divided the bin arithmetic by zero.
        ws.query("SELECT 100000000000000000::BIGINT AS big, 1e17::DOUBLE AS dbl, -1e300::DOUBLE AS huge, "
                + "TIMESTAMP '9999-12-31 23:59:59' AS late FROM range(5)", "constants");
        Profile p = ws.dataset("constants").profile();
        for (String name : List.of("big", "dbl", "huge", "late")) {
            Histogram h = column(p, name).histogram();
            assertEquals(List.of(5L), h.counts(), name);
        }
        for (String name : List.of("big", "dbl", "huge")) {
            Histogram h = column(p, name).histogram();
            double value = ((Number) column(p, name).min()).doubleValue();
            assertTrue((Double) h.edges().get(0) < value && value < (Double) h.edges().get(1), name + ": " + h.edges());
        }
        double[] edges = Histogram.edges(1e17, 1e17, 1);
        assertTrue(edges[0] < 1e17 && 1e17 < edges[1], Arrays.toString(edges));
        assertEquals(List.of(-0.5, 0.5), Histogram.boxed(Histogram.edges(0, 0, 1)), "numpy's widening where it works");
    }

    @Test
    void textGetsWordCountsAndAStringLengthHistogram() {
        ws.query("SELECT * FROM (VALUES ('one two  three'), (''), ('  lead and trail  '), ('tab\tsep' || chr(160) || 'nbsp'),"
                + " ('x'), (NULL)) t(s)", "sentences");
        ColumnProfile s = column(ws.dataset("sentences").profile(), "s");
        // Words as Python's str.split(): 3, 0, 3, 3 (tab and no-break space separate), 1.
        assertEquals(new WordStats(0, 10.0 / 5, 3), s.words());
        Histogram lengths = s.lengthHistogram();
        assertEquals(0L, s.length().min());
        assertEquals(-0.5, (Double) lengths.edges().get(0));
        assertEquals(List.of(0L, 1L, 2L), lengths.values().subList(0, 3), "one bin per length: lengths span 0 to 18");
        assertEquals(19, lengths.counts().size());
        assertEquals(5L, lengths.counts().stream().mapToLong(Long::longValue).sum());
        assertEquals(1L, lengths.counts().get(0));
        assertEquals(1L, lengths.counts().get(1));
        assertEquals(List.of(1L, 1L, 1L), List.of(lengths.counts().get(12), lengths.counts().get(14), lengths.counts().get(18)));
        Map<?, ?> json = (Map<?, ?>) ((List<?>) ws.dataset("sentences").profile().toJson().get("columns")).get(0);
        assertEquals(Map.of("min", 0L, "mean", 2.0, "max", 3L), json.get("words"));
        assertTrue(((Map<?, ?>) json.get("length")).get("histogram") instanceof Map);

        ws.query("SELECT repeat('a', i) AS long_text FROM range(100) r(i)", "long_texts");
        Histogram wide = column(ws.dataset("long_texts").profile(), "long_text").lengthHistogram();
        assertNull(wide.values(), "lengths spanning 100 values: equal-width bins");
        assertEquals(Histogram.MAX_BINS, wide.counts().size());
    }

    @Test
    void nanCountsAsMissingAndValuesOnAnEdgeGoRight() {
        // Values 0, 1, 2, 2, NaN, NULL: 3 distinct, so a bin per value.
        ws.query("SELECT * FROM (VALUES (0.0::DOUBLE), (1.0), (2.0), (2.0), ('NaN'::DOUBLE), (NULL)) t(x)", "nans");
        ColumnProfile x = column(ws.dataset("nans").profile(), "x");
        assertEquals(4, x.count());
        assertEquals(2, x.missing());
        assertEquals(3, x.distinct());
        assertEquals(1.25, (Double) x.mean(), 1e-15);
        assertEquals(List.of(1L, 1L, 2L), x.histogram().counts());
        assertEquals(List.of(new ValueCount(2.0, 2), new ValueCount(0.0, 1), new ValueCount(1.0, 1)), x.top());
    }

    @Test
    void textGetsLengthsTopValuesByCountThenValueAndNoMoments() {
        ws.query("SELECT * FROM (VALUES ('b'), ('a'), ('b'), ('ccc'), ('é'), (NULL)) t(s)", "words");
        ColumnProfile s = column(ws.dataset("words").profile(), "s");
        assertEquals(ColumnKind.TEXT, s.kind());
        assertEquals(5, s.count());
        assertEquals(4, s.distinct());
        assertEquals("a", s.min());
        assertEquals("é", s.max()); // code point order, as Python compares strings
        assertNull(s.mean());
        assertNull(s.quantiles());
        assertNull(s.histogram());
        assertEquals(new LengthStats(1, 7.0 / 5.0, 3), s.length()); // 'é' is one code point
        assertEquals(List.of(new ValueCount("b", 2), new ValueCount("a", 1), new ValueCount("ccc", 1),
                new ValueCount("é", 1)), s.top());
    }

    @Test
    void personalDataIsCountedPerKindAndCardsMustPassLuhn() {
        ws.query("""
                SELECT * FROM (VALUES
                  ('write to ann.lee@example.org today'),
                  ('bob@mail.co.uk'),
                  ('not an email: bob@localhost'),
                  ('call (555) 123-4567'),
                  ('+44 20 7946 0958'),
                  ('card 4111 1111 1111 1111 thanks'),
                  ('4111111111111112'),
                  ('5500-0000-0000-0004'),
                  ('server 192.168.0.12.'),
                  ('version 300.1.2.3 is no address'),
                  ('order 12345678')
                ) t(note)""", "notes");
        Profile p = ws.dataset("notes").profile();
        ColumnProfile note = column(p, "note");
        assertEquals(Map.of("email", 2L, "phone", 2L, "card", 2L, "ipv4", 1L), note.pii());
        List<String> messages = p.findings().stream().filter(f -> f.kind().equals("pii")).map(Finding::message).toList();
        assertEquals(4, messages.size(), messages.toString());
        assertTrue(messages.contains("personal data: 2 values hold card numbers (Luhn-valid)"), messages.toString());
    }

    @Test
    void findingsFlagConstantUniqueAndMostlyMissingColumns() {
        ws.query("SELECT range AS id, 'x' AS same, CASE WHEN range < 3 THEN range END AS sparse, range % 2 AS parity "
                + "FROM range(10)", "flags");
        Profile p = ws.dataset("flags").profile();
        List<String> found = p.findings().stream().map(f -> f.column() + ":" + f.kind()).toList();
        assertEquals(List.of("id:unique", "same:constant", "sparse:missing"), found);
        assertEquals("70.0% missing (7 of 10 rows)", p.findings().get(2).message());
        assertEquals("constant: every value present is 'x'", p.findings().get(1).message());
    }

    @Test
    void datesBooleansDecimalsAndEmptyColumns() {
        ws.query("""
                SELECT * FROM (VALUES
                  (DATE '2024-01-01', true,  1.50::DECIMAL(6,2), NULL::BIGINT, [1, 2]),
                  (DATE '2024-01-03', false, 2.25::DECIMAL(6,2), NULL::BIGINT, [3]),
                  (DATE '2024-01-05', true,  NULL,               NULL::BIGINT, [1, 2])
                ) t(day, flag, price, nothing, pair)""", "mixed");
        Profile p = ws.dataset("mixed").profile();
        ColumnProfile day = column(p, "day");
        assertEquals(ColumnKind.TEMPORAL, day.kind());
        assertEquals(LocalDate.of(2024, 1, 1), day.min());
        assertEquals(LocalDateTime.of(2024, 1, 3, 0, 0), day.mean());
        // Position 0.05 * 2 = 0.1 of the way from Jan 1 to Jan 3: 4.8 hours in.
        assertEquals(LocalDateTime.of(2024, 1, 1, 4, 48), day.quantiles().get("0.05"));
        assertEquals(List.of(1L, 1L, 1L), day.histogram().counts());
        assertEquals(LocalDateTime.of(2024, 1, 2, 8, 0), day.histogram().edges().get(1));
        assertNull(day.std());

        ColumnProfile flag = column(p, "flag");
        assertEquals(ColumnKind.BOOLEAN, flag.kind());
        assertEquals(false, flag.min());
        assertEquals(List.of(new ValueCount(true, 2), new ValueCount(false, 1)), flag.top());
        assertNull(flag.histogram());

        ColumnProfile price = column(p, "price");
        assertEquals(new BigDecimal("1.50"), price.min());
        assertEquals(1.875, (Double) price.mean(), 1e-15);
        assertEquals(1.6875, (Double) price.quantiles().get("0.25"), 1e-15);

        ColumnProfile nothing = column(p, "nothing");
        assertEquals(0, nothing.count());
        assertEquals(3, nothing.missing());
        assertEquals(0, nothing.distinct());
        assertNull(nothing.mean());
        assertNull(nothing.histogram());
        assertTrue(nothing.top().isEmpty());

        ColumnProfile pair = column(p, "pair");
        assertEquals(ColumnKind.OTHER, pair.kind());
        assertEquals(2, pair.distinct());
        assertEquals(new ValueCount("[1, 2]", 2), pair.top().get(0));
    }

    @Test
    void columnsNamedLikeSqlAreQuotedAndChosenByName() {
        ws.query("SELECT 1 AS \"table\", 2 AS \"select\", 3 AS \"a \"\"quoted\"\" name\", 4 AS \"drop table x; --\"", "sqlish");
        Profile all = ws.dataset("sqlish").profile();
        assertEquals(List.of("table", "select", "a \"quoted\" name", "drop table x; --"),
                all.columns().stream().map(ColumnProfile::name).toList());
        Profile two = ws.dataset("sqlish").profile("select", "table");
        assertEquals(List.of("select", "table"), two.columns().stream().map(ColumnProfile::name).toList());
        assertEquals(2L, ((Number) two.columns().get(0).max()).longValue());
    }

    @Test
    void anUnknownColumnIsRefusedWithTheClosestName() {
        ws.query("SELECT 1 AS label, 2 AS text", "labelled");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ws.dataset("labelled").profile("lable"));
        assertEquals("no column 'lable' in labelled; did you mean 'label'?", e.getMessage());
    }

    @Test
    void theJsonCarriesTheFieldsOfTheContract() {
        ws.query("SELECT range AS n, 'v' || (range % 3) AS s FROM range(30)", "small");
        Map<String, Object> json = ws.dataset("small").profile().toJson();
        assertEquals("profile", json.get("kind"));
        assertEquals("small", json.get("dataset"));
        assertEquals(30L, json.get("rows"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> columns = (List<Map<String, Object>>) json.get("columns");
        for (String field : List.of("name", "type", "count", "missing", "distinct", "min", "max", "mean", "std",
                "quantiles", "histogram", "top")) {
            assertTrue(columns.get(0).containsKey(field), field);
            assertTrue(columns.get(1).containsKey(field), field);
        }
        assertEquals(List.of("0.05", "0.25", "0.5", "0.75", "0.95"),
                List.copyOf(((Map<?, ?>) columns.get(0).get("quantiles")).keySet()));
        assertNull(columns.get(1).get("mean"));
        assertNull(columns.get(1).get("histogram"));
    }
}
