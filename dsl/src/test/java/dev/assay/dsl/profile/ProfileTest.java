package dev.assay.dsl.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.workspace.Workspace;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
        // Ten distinct values: ten bins of width 0.9, one value each (10 is in the last, closed bin).
        assertEquals(11, n.histogram().edges().size());
        assertEquals(List.of(1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L), n.histogram().counts());
        assertEquals(1.9, (Double) n.histogram().edges().get(1), 1e-12);
        assertNull(n.length());
        assertNull(n.pii());
    }

    @Test
    void nanCountsAsMissingAndValuesOnAnEdgeGoRight() {
        // Values 0, 1, 2, 2, NaN, NULL: 3 distinct, so bins [0,2/3) [2/3,4/3) [4/3,2].
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
