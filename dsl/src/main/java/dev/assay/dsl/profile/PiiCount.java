package dev.assay.dsl.profile;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.SqlEngine;
import java.util.Arrays;
import java.util.List;

/**
 * Rows holding personal data of any kind the profile looks for (emails, phone numbers, card
 * numbers, IPv4 addresses) in any of the given text columns: a row counts once however many
 * kinds or columns match, so a percentage of rows stays a share.
 */
public final class PiiCount {

    private PiiCount() {
    }

    /** As {@link #rowsWithPii(SqlEngine, String, List, PhoneRegions)} with the default phone regions. */
    public static long rowsWithPii(SqlEngine engine, String relation, List<Column> textColumns) {
        return rowsWithPii(engine, relation, textColumns, PhoneRegions.defaults());
    }

    /**
     * SQL counts the rows with an email, card number or IPv4 address; of the other rows, those
     * with a phone number are counted in Java ({@link PhoneScan}), so no row counts twice.
     */
    public static long rowsWithPii(SqlEngine engine, String relation, List<Column> textColumns, PhoneRegions phoneRegions) {
        if (textColumns.isEmpty()) {
            return 0;
        }
        var sql = engine.dialect();
        // One flat "any of" over every column and kind (no condition is NULL), and an alias: an
        // unnamed result column is named by its whole text, too long for the Arrow schema when wide.
        String any = sql.anyTrue(textColumns.stream()
                .flatMap(c -> Arrays.stream(PiiPattern.values()).filter(PiiPattern::inSql)
                        .map(p -> p.condition(sql, sql.quoteIdentifier(c.name()))))
                .toList());
        Object inSql = engine.smallResult("SELECT count(*) FILTER (WHERE " + any + ") AS pii_rows FROM "
                + sql.quoteIdentifier(relation)).get(0).get(0);
        long phonesOnly = new PhoneScan(engine, phoneRegions).count(relation, textColumns, any).rows();
        return ((Number) inSql).longValue() + phonesOnly;
    }
}
