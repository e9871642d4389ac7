package dev.assay.dsl.engine;

import java.util.List;

/**
 * A relation whose rows have a position in the source's order, for "the first row" of a
 * group. A table has one already; a view is copied into a scratch table first (its rows have
 * no stored order), and so is a table the operation is about to replace.
 */
public final class OrderedSource implements AutoCloseable {

    /** The copy's own ordinal column, where {@link #of(SqlEngine, String, java.util.List)} makes one. */
    private static final String ORDINAL = SqlEngine.WORK_PREFIX + "ord";

    private final SqlEngine engine;
    private final String relation;
    private final WorkTable copy;
    private final String ordinal;

    private OrderedSource(SqlEngine engine, String relation, WorkTable copy) {
        this(engine, relation, copy, engine.dialect().rowOrdinal());
    }

    private OrderedSource(SqlEngine engine, String relation, WorkTable copy, String ordinal) {
        this.engine = engine;
        this.relation = relation;
        this.copy = copy;
        this.ordinal = ordinal;
    }

    public static OrderedSource of(SqlEngine engine, String relation) {
        return of(engine, relation, false);
    }

    /** With {@code willBeReplaced}, the rows are copied so that writing the result cannot disturb reading them. */
    public static OrderedSource of(SqlEngine engine, String relation, boolean willBeReplaced) {
        if (willBeReplaced || engine.isView(relation)) {
            return new OrderedSource(engine, relation,
                    WorkTable.of(engine, "source", "SELECT * FROM " + engine.quoteIdentifier(relation)));
        }
        return new OrderedSource(engine, relation, null);
    }

    /**
     * For work that reads only {@code columnsRead} and needs each row's number, not its order:
     * a view is copied (those columns only, numbered in an ordinal column of the copy), and
     * so is a table with a column named like the engine's row ordinal ({@code rowid} in
     * DuckDB), which hides the engine's own.
     */
    public static OrderedSource of(SqlEngine engine, String relation, List<Column> columnsRead) {
        String rowOrdinal = engine.dialect().rowOrdinal();
        boolean hidden = engine.schema(relation).stream().anyMatch(c -> c.name().equalsIgnoreCase(rowOrdinal));
        if (hidden || engine.isView(relation)) {
            String columns = String.join(", ", columnsRead.stream().map(c -> engine.quoteIdentifier(c.name())).toList());
            String ordinal = engine.quoteIdentifier(ORDINAL);
            return new OrderedSource(engine, relation, WorkTable.of(engine, "source", "SELECT "
                    + engine.dialect().scanPosition() + " AS " + ordinal + ", " + columns + " FROM "
                    + engine.quoteIdentifier(relation)), ordinal);
        }
        return new OrderedSource(engine, relation, null);
    }

    /** The table to read, quoted. */
    public String table() {
        return copy != null ? copy.quoted() : engine.quoteIdentifier(relation);
    }

    /** The expression of a row's position (0 = first) in {@link #table()}. */
    public String ordinal() {
        return ordinal;
    }

    @Override
    public void close() {
        if (copy != null) {
            copy.close();
        }
    }
}
