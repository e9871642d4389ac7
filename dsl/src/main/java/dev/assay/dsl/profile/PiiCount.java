package dev.assay.dsl.profile;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.SqlEngine;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Rows holding personal data of any kind the profile looks for (emails, phone numbers, card
 * numbers, IPv4 addresses) in any of the given text columns: a row counts once however many
 * kinds or columns match, so a percentage of rows stays a share.
 */
public final class PiiCount {

    private PiiCount() {
    }

    public static long rowsWithPii(SqlEngine engine, String relation, List<Column> textColumns) {
        if (textColumns.isEmpty()) {
            return 0;
        }
        var sql = engine.dialect();
        String any = textColumns.stream()
                .flatMap(c -> java.util.Arrays.stream(PiiPattern.values()).map(p -> p.condition(sql, sql.quoteIdentifier(c.name()))))
                .collect(Collectors.joining(" OR "));
        Object n = engine.smallResult("SELECT count(*) FILTER (WHERE " + any + ") FROM " + sql.quoteIdentifier(relation))
                .get(0).get(0);
        return ((Number) n).longValue();
    }
}
