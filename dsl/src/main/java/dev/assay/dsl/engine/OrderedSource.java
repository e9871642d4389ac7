package dev.assay.dsl.engine;


/**
 * A relation whose rows have a position in the source's order, for "the first row" of a
 * group. A table has one already; a view is copied into a scratch table first (its rows have
 * no stored order), and so is a table the operation is about to replace.
 */
public final class OrderedSource implements AutoCloseable {

    private final SqlEngine engine;
    private final String relation;
    private final WorkTable copy;

    private OrderedSource(SqlEngine engine, String relation, WorkTable copy) {
        this.engine = engine;
        this.relation = relation;
        this.copy = copy;
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
     * As {@link #of(SqlEngine, String)} for work that reads only {@code columnsRead}: a view's
     * copy holds those columns only.
     */
    public static OrderedSource of(SqlEngine engine, String relation, java.util.List<Column> columnsRead) {
        if (engine.isView(relation)) {
            String columns = String.join(", ", columnsRead.stream().map(c -> engine.quoteIdentifier(c.name())).toList());
            return new OrderedSource(engine, relation,
                    WorkTable.of(engine, "source", "SELECT " + columns + " FROM " + engine.quoteIdentifier(relation)));
        }
        return new OrderedSource(engine, relation, null);
    }

    /** The table to read, quoted. */
    public String table() {
        return copy != null ? copy.quoted() : engine.quoteIdentifier(relation);
    }

    /** The expression of a row's position (0 = first) in {@link #table()}. */
    public String ordinal() {
        return engine.dialect().rowOrdinal();
    }

    @Override
    public void close() {
        if (copy != null) {
            copy.close();
        }
    }
}
