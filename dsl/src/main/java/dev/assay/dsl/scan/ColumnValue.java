package dev.assay.dsl.scan;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.SqlDialect;

/** How a scan reads a column's values, in SQL, before aggregating them (NaN as missing, say). */
@FunctionalInterface
public interface ColumnValue {

    String sql(SqlDialect dialect, Column column, String quotedName);
}
