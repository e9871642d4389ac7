package dev.assay.dsl.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one way a statement replaces datasets: it builds each new table aside, under a scratch
 * name, and {@link #commit()} swaps them all in by one transaction. Until then every target
 * keeps what it held, so a statement that fails or is interrupted half-way (a load refused
 * after reading, the third part of a split) leaves every dataset as it was; what was built
 * aside is dropped on {@link #close()}.
 */
public final class StagedTables implements AutoCloseable {

    private final SqlEngine engine;
    private final Map<String, WorkTable> aside = new LinkedHashMap<>();

    private StagedTables(SqlEngine engine, List<String> targets) {
        this.engine = engine;
        for (String target : targets) {
            if (aside.put(target, WorkTable.named(engine, "stage")) != null) {
                throw new IllegalArgumentException("'" + target + "' is named twice");
            }
        }
    }

    public static StagedTables of(SqlEngine engine, List<String> targets) {
        return new StagedTables(engine, targets);
    }

    public static StagedTables of(SqlEngine engine, String target) {
        return of(engine, List.of(target));
    }

    /** The scratch name the new rows of {@code target} are built under. */
    public String aside(String target) {
        WorkTable table = aside.get(target);
        if (table == null) {
            throw new IllegalArgumentException("'" + target + "' is not staged here");
        }
        return table.name();
    }

    /** Every target takes its new rows at once. */
    public void commit() {
        Map<String, String> renames = new LinkedHashMap<>();
        aside.forEach((target, table) -> renames.put(table.name(), target));
        engine.renameAllReplacing(renames);
    }

    /** Drops what was built aside and not committed (after a commit there is nothing left to drop). */
    @Override
    public void close() {
        aside.values().forEach(WorkTable::close);
    }
}
