package dev.assay.dsl.engine;

/**
 * SQL of the wide test table issue 21 asks every operation to pass: an id, then as many
 * doubles (every seventh missing) as short texts, a few rows, made from the row number alone.
 */
public final class WideTables {

    /** More than DuckDB's expression depth limit (1,000), so one nested term per column fails. */
    public static final int COLUMNS = 1_100;

    private WideTables() {
    }

    /** {@code id, n0 .. n548, t0 .. t549} over {@code rows} rows; {@code salt} varies the values. */
    public static String query(int rows, int salt) {
        int half = (COLUMNS - 1) / 2;
        StringBuilder s = new StringBuilder("SELECT i AS id");
        for (int c = 0; c < half; c++) {
            s.append(", CASE WHEN (i + ").append(c).append(") % 7 = 0 THEN NULL ELSE ((i * ").append(c + salt)
                    .append(") % 13) / 4.0 END AS n").append(c);
        }
        for (int c = 0; c < COLUMNS - 1 - half; c++) {
            s.append(", 'v' || ((i + ").append(c * salt).append(") % 5) AS t").append(c);
        }
        return s.append(" FROM range(").append(rows).append(") r(i)").toString();
    }
}
