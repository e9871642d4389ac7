package dev.assay.dsl.scan;

import dev.assay.dsl.engine.SqlDialect;

/**
 * One value an operation wants of one column, computed in a shared scan: the SQL of an
 * aggregate and how to read what the engine returns. Two requests with the same {@link #key()}
 * on the same column are computed once and share the result.
 *
 * @param <T> the type the requester reads
 */
public interface Aggregate<T> {

    /** Names what is computed, the same for equal SQL: {@code "count"}, {@code "top:10"}. */
    String key();

    /** Over the rows of the column, or over its distinct non-missing values with their counts. */
    Over over();

    /**
     * The aggregate in SQL. Over {@link Over#ROWS}, {@code value} is the column's value (NaN
     * already missing); over {@link Over#VALUES}, it is one distinct non-missing value, and
     * {@link #COUNT} how many rows hold it; over {@link Over#KEYS}, it is the key of a row.
     */
    String sql(SqlDialect sql, String value);

    /**
     * An expression of the value computed once per row before aggregating, when the aggregate
     * would otherwise repeat it (a bin index is read several times to be corrected against its
     * edges); null for none. Over {@link Over#ROWS} and {@link Over#KEYS}.
     */
    default String prepared(SqlDialect sql, String value) {
        return null;
    }

    /** The aggregate in SQL when {@link #prepared} gave an expression, named {@code prepared} here. */
    default String sql(SqlDialect sql, String value, String prepared) {
        return sql(sql, value);
    }

    /**
     * The requester's value from what the engine returned (Java values read through Arrow); over
     * {@link Over#VALUES}, null for a column without values, which no grouping holds.
     */
    T read(Object raw);

    /**
     * Over {@link Over#VALUES}: when above 0, this aggregate is the column's {@code topLimit()}
     * most frequent values ({@link SqlDialect#mostFrequent}), which a dialect may ask to have
     * computed apart ({@link SqlDialect#topValuesByNumbering()}); 0 for any other aggregate.
     */
    default int topLimit() {
        return 0;
    }

    /** The column of the row count of a distinct value, in {@link Over#VALUES} aggregates. */
    String COUNT = "n";

    enum Over {
        /** One pass over every row: count, min, mean, quantiles. */
        ROWS,
        /** One pass over the column grouped by value: distinct counts, top values, and what is cheaper per value (string lengths, patterns). */
        VALUES,
        /**
         * Rows per value of a small integer key computed from each row (a bin): the aggregate's
         * SQL is the key (missing for rows not counted), and it reads a list of {key, value}
         * counts. The keys of a whole batch are counted in one grouping, which is much faster
         * than an aggregate per column that builds a map (DuckDB's histogram()).
         */
        KEYS
    }
}
