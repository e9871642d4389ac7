package dev.assay.dsl.profile;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.SqlDialect;
import dev.assay.dsl.scan.ColumnValue;

/**
 * A column's values as a profile counts them, and as checks and diffs that must agree with it
 * do: NaN is missing (as pandas reads it), and kinds a profile does not order are compared by
 * their text.
 */
public final class ProfiledValue implements ColumnValue {

    public static final ProfiledValue INSTANCE = new ProfiledValue();

    private ProfiledValue() {
    }

    @Override
    public String sql(SqlDialect d, Column column, String quoted) {
        if (ColumnKind.isFloat(column.type())) {
            return "CASE WHEN " + d.isNan(quoted) + " THEN NULL ELSE " + quoted + " END";
        }
        if (ColumnKind.of(column.type()) == ColumnKind.OTHER) {
            return d.castText(quoted);
        }
        return quoted;
    }
}
