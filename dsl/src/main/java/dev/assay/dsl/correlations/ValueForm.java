package dev.assay.dsl.correlations;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.SqlDialect;
import dev.assay.dsl.profile.ColumnKind;

/**
 * How a column's values enter a correlation, in SQL: as a DOUBLE (NaN missing, as pandas;
 * booleans 0 and 1, as pandas' {@code corr}) or as a category, by its text.
 */
enum ValueForm {
    NUMBER, CATEGORY;

    String sql(SqlDialect d, Column column) {
        String quoted = d.quoteIdentifier(column.name());
        if (this == CATEGORY) {
            return d.castText(quoted);
        }
        String number = d.castDouble(quoted);
        return ColumnKind.isFloat(column.type()) ? "CASE WHEN " + d.isNan(quoted) + " THEN NULL ELSE " + number + " END" : number;
    }
}
