package dev.assay.dsl.profile;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.OrderedSource;
import dev.assay.dsl.engine.SqlEngine;
import java.util.List;

/**
 * Rows holding personal data of any kind the profile looks for (emails, phone numbers, card
 * numbers, IPv4 addresses) in any of the given text columns: a row counts once however many
 * kinds or columns match, so a percentage of rows stays a share.
 */
public final class PiiCount {

    /**
     * Text columns per scan. Measured at 5,000 text columns x 2,000 rows (medians of three):
     * batches of 50 to 500 columns took 4.2 to 4.7 s in all, of 1,000 4.9 s, of 2,500 8.7 s and
     * one statement of all 5,000 24 s: the engine's cost per column grows with the columns of
     * one statement.
     */
    static final int BATCH_SIZE = 200;

    private PiiCount() {
    }

    /** As {@link #rowsWithPii(SqlEngine, String, List, PhoneRegions)} with the default phone regions. */
    public static long rowsWithPii(SqlEngine engine, String relation, List<Column> textColumns) {
        return rowsWithPii(engine, relation, textColumns, PhoneRegions.defaults());
    }

    /**
     * Marks what each row holds, one batch of columns per scan ({@link PiiRowMarks}): emails,
     * card numbers and IPv4 addresses decided in SQL, phone candidates confirmed in Java once
     * per distinct value ({@link ConfirmedPhones}); then counts the distinct rows marked, so a
     * row matching in several batches, columns or kinds counts once. Linear in rows x columns.
     */
    public static long rowsWithPii(SqlEngine engine, String relation, List<Column> textColumns, PhoneRegions phoneRegions) {
        return rowsWithPii(engine, relation, textColumns, phoneRegions, BATCH_SIZE);
    }

    /** As above, {@code batchSize} columns a scan (tests force small batches). */
    static long rowsWithPii(SqlEngine engine, String relation, List<Column> textColumns, PhoneRegions phoneRegions,
            int batchSize) {
        if (textColumns.isEmpty()) {
            return 0;
        }
        try (OrderedSource source = OrderedSource.of(engine, relation, textColumns);
             PiiRowMarks marks = PiiRowMarks.of(engine, source, textColumns, batchSize);
             ConfirmedPhones phones = ConfirmedPhones.of(engine, marks, new PhoneFinder(phoneRegions))) {
            String marked = "v = " + engine.quoteLiteral(PiiRowMarks.SQL_KIND)
                    + phones.values().map(confirmed -> " OR v IN (" + confirmed + ")").orElse("");
            // An alias: an unnamed result column is named by its text.
            Object rows = engine.smallResult("SELECT count(DISTINCT r) AS pii_rows FROM " + marks.relation() + " WHERE "
                    + marked).get(0).get(0);
            return ((Number) rows).longValue();
        }
    }
}
