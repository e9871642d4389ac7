package dev.assay.dsl.duplicates;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.SqlDialect;
import dev.assay.dsl.profile.ColumnKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Match} resolved against a dataset's schema: the columns that make a row's key, as
 * SQL expressions (text columns go through {@link SqlDialect#normalizeText} when normalizing,
 * other types compare as they are), and for near duplicates the one text column whose texts
 * are compared and the threshold ({@code null} both otherwise).
 */
public record ResolvedMatch(List<Column> columns, boolean normalize, Column text, Double near) {

    public ResolvedMatch {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a key needs at least one column");
        }
        if ((text == null) != (near == null)) {
            throw new IllegalArgumentException("a near threshold needs a text column, and only then");
        }
        columns = List.copyOf(columns);
    }

    public boolean isNear() {
        return near != null;
    }

    public List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    /** One key expression per column, over {@code alias} (or unqualified when null). */
    List<String> expressions(SqlDialect dialect, String alias) {
        List<String> out = new ArrayList<>();
        for (Column c : columns) {
            String ref = (alias == null ? "" : alias + ".") + dialect.quoteIdentifier(c.name());
            out.add(normalize && isText(c) ? dialect.normalizeText(ref) : ref);
        }
        return out;
    }

    /** {@code expr AS k0, expr AS k1, ...} for a select list. */
    public String selectList(SqlDialect dialect, String alias) {
        List<String> e = expressions(dialect, alias);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < e.size(); i++) {
            parts.add(e.get(i) + " AS k" + i);
        }
        return String.join(", ", parts);
    }

    /** {@code k0, k1, ...}: the key columns of a select list made by {@link #selectList}. */
    public String keyNames() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            parts.add("k" + i);
        }
        return String.join(", ", parts);
    }

    public static boolean isText(Column c) {
        return ColumnKind.of(c.type()) == ColumnKind.TEXT;
    }
}
