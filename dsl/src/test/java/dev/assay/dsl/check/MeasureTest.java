package dev.assay.dsl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.drift.Drift;
import dev.assay.dsl.engine.Column;
import dev.assay.dsl.labels.ColumnAssociation;
import dev.assay.dsl.labels.LabelClasses;
import dev.assay.dsl.profile.ProfiledValue;
import dev.assay.dsl.scan.Aggregate;
import dev.assay.dsl.scan.AggregateScan;
import dev.assay.dsl.scan.Handle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each measure type declares what it reads: the aggregates it adds to the check's one scan,
 * the row count only where a value needs it, and the operations over whole rows it runs. Seen
 * through a {@link CheckTarget} that records what is asked and reads nothing.
 */
class MeasureTest {

    private static final List<Column> SCHEMA = List.of(new Column("i", "BIGINT"), new Column("d", "DOUBLE"),
            new Column("s", "VARCHAR"), new Column("day", "DATE"), new Column("t", "VARCHAR"));

    /** What one rule asked of the data: "column:aggregate key", "rows", or "operation:arguments". */
    private static List<String> asked(Measure measure) {
        Recording data = new Recording();
        Rule rule = measure.isFingerprint() ? measure.equalTo("sha256:" + "0".repeat(64)) : measure.atLeast(0);
        rule.measure().plan(rule, data);
        return data.asked;
    }

    @Test
    void columnMeasuresAskTheScanForWhatTheyRead() {
        assertEquals(List.of("rows", "i:count"), asked(Measure.missing("i")), "missing = rows - non-missing values");
        assertEquals(List.of("s:distinct"), asked(Measure.distinct("s")), "a count needs no row count");
        assertEquals(List.of("s:distinct", "rows"), asked(Measure.distinct("s").percent()), "its share does");
        assertEquals(List.of("d:min"), asked(Measure.min("d")));
        assertEquals(List.of("i:max"), asked(Measure.max("i")));
        assertEquals(List.of("i:mean:exact"), asked(Measure.mean("i")), "integers average exactly in the engine");
        assertEquals(List.of("d:mean:float"), asked(Measure.mean("d")), "floats through a compensated sum");
        assertEquals(List.of("rows"), asked(Measure.rows()));
        List<String> everyColumn = new ArrayList<>(List.of("rows"));
        SCHEMA.forEach(c -> everyColumn.add(c.name() + ":count"));
        assertEquals(everyColumn, asked(Measure.missingCells().percent()));
    }

    @Test
    void rowMeasuresAskForTheirOperation() {
        assertEquals(List.of("duplicates:[s, i]"), asked(Measure.duplicates("s", "i")));
        assertEquals(List.of("duplicates:[]", "rows"), asked(Measure.duplicates().percent()));
        assertEquals(List.of("pii:[t]"), asked(Measure.pii("t")));
        assertEquals(List.of("pii:[s, t]"), asked(Measure.of("pii", List.of())), "every text column");
        assertEquals(List.of("drift:ref"), asked(Measure.drift("ref").percent()), "a share of the columns compared");
        assertEquals(List.of("expected:sha256:" + "0".repeat(64), "fingerprint"), asked(Measure.fingerprint()));
    }

    @Test
    void labelMeasuresAskForTheLabelsOperations() {
        assertEquals(List.of("conflicts:s", "classes:s"), asked(Measure.conflicts("s").percent()),
                "a share of the labelled rows");
        assertEquals(List.of("classes:s"), asked(Measure.imbalance("s")));
        assertEquals(List.of("classes:s"), asked(Measure.minority("s").percent()));
        assertEquals(List.of("association:d~s"), asked(Measure.association("d", "s")));
        assertEquals(List.of("classes:s", "classes:ref.s"), asked(Measure.newLabels("s", "ref")));
    }

    @Test
    void aMeasureRefusesAColumnOfTheWrongKindBeforeAskingAnything() {
        Recording data = new Recording();
        Rule rule = Measure.mean("s").lessThan(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rule.measure().plan(rule, data));
        assertEquals("mean(s) needs a number column; 's' is VARCHAR", e.getMessage());
        Rule pii = Measure.pii("day").lessThan(1);
        assertEquals("pii(day) needs a text column; 'day' is DATE",
                assertThrows(IllegalArgumentException.class, () -> pii.measure().plan(pii, data)).getMessage());
        assertEquals(List.of(), data.asked);
    }

    @Test
    void everyMeasureTypeIsWrittenInTheLanguageAndReadsBack() {
        List<Measure> fromJava = List.of(Measure.rows(), Measure.missing("a"), Measure.missingCells(), Measure.distinct("a"),
                Measure.duplicates("a", "b"), Measure.duplicates(), Measure.min("a"), Measure.max("a"), Measure.mean("a"),
                Measure.pii("a"), Measure.of("pii", List.of()), Measure.drift("ref"), Measure.fingerprint(),
                Measure.conflicts("y"), Measure.imbalance("y"), Measure.minority("y"), Measure.association("a", "y"),
                Measure.newLabels("y", "ref"), Measure.outliers("a"), Measure.skewness("a"), Measure.nullLike("a"),
                Measure.correlation("a", "b"), Measure.unexpected("a", "x", "it's"), Measure.drift(), new SchemaChanges(),
                Measure.freshness("a"));
        Set<Class<?>> types = new HashSet<>();
        for (Measure m : fromJava) {
            assertEquals(m, Measure.of(m.name().toUpperCase(Locale.ROOT), m.arguments()), m.text());
            assertTrue(Measure.NAMES.contains(m.name()), m.name());
            types.add(m.getClass());
        }
        // CustomMeasure is the open kind extensions implement (CustomMeasureTest), not a built-in measure.
        Set<Class<?>> builtIn = new HashSet<>(Set.of(Measure.class.getPermittedSubclasses()));
        builtIn.remove(CustomMeasure.class);
        assertEquals(builtIn, types, "a measure type the language cannot write");
        assertEquals(Set.copyOf(Measure.NAMES), fromJava.stream().map(Measure::name).collect(Collectors.toSet()));
    }

    @Test
    void percentagesAreOfRowsCellsOrColumnsOnly() {
        for (Measure m : List.of(Measure.rows(), Measure.min("a"), Measure.max("a"), Measure.mean("a"), Measure.fingerprint())) {
            assertEquals(m.name() + " cannot be a percentage; percentages are of the rows (missing, distinct, duplicates, pii)"
                    + " or of the columns (drift)", assertThrows(IllegalArgumentException.class, m::percent).getMessage());
        }
        assertEquals("missing(a) < 5%", Measure.missing("a").percent().lessThan(5).text());
        assertEquals("pii measures one column, or every column without one: write pii(COLUMN) or pii",
                assertThrows(IllegalArgumentException.class, () -> Measure.of("pii", List.of("a", "b"))).getMessage());
    }

    /** A target whose scan is never run: it records each request in order and hands back unread handles. */
    private static final class Recording implements CheckTarget {
        final List<String> asked = new ArrayList<>();
        private final AggregateScan scan = new AggregateScan(null, "t", ProfiledValue.INSTANCE);

        @Override
        public String name() {
            return "t";
        }

        @Override
        public List<Column> schema() {
            return SCHEMA;
        }

        @Override
        public List<Column> columns(List<String> names) {
            Map<String, Column> byName = new HashMap<>();
            SCHEMA.forEach(c -> byName.put(c.name(), c));
            return names.stream().map(byName::get).toList();
        }

        @Override
        public Handle<Long> rows() {
            asked.add("rows");
            return scan.rows();
        }

        @Override
        public <T> Handle<T> aggregate(Column column, Aggregate<T> aggregate) {
            asked.add(column.name() + ":" + aggregate.key());
            return scan.add(column, aggregate);
        }

        @Override
        public LongSupplier duplicateRows(List<String> columns) {
            asked.add("duplicates:" + columns);
            return () -> 0;
        }

        @Override
        public LongSupplier rowsWithPii(List<Column> textColumns) {
            asked.add("pii:" + textColumns.stream().map(Column::name).toList());
            return () -> 0;
        }

        @Override
        public Supplier<Drift> driftFrom(String reference) {
            asked.add("drift:" + reference);
            return () -> null;
        }

        @Override
        public Supplier<LabelClasses> labelClasses(String label) {
            asked.add("classes:" + label);
            return () -> null;
        }

        @Override
        public Supplier<LabelClasses> labelClassesOf(String other, String label) {
            asked.add("classes:" + other + "." + label);
            return () -> null;
        }

        @Override
        public LongSupplier conflictRows(String label) {
            asked.add("conflicts:" + label);
            return () -> 0;
        }

        @Override
        public Supplier<ColumnAssociation> association(String column, String label) {
            asked.add("association:" + column + "~" + label);
            return () -> null;
        }

        @Override
        public Supplier<String> fingerprint() {
            asked.add("fingerprint");
            return () -> "";
        }

        @Override
        public String expectedFingerprint(String expected) {
            asked.add("expected:" + expected);
            return expected;
        }
    }
}
