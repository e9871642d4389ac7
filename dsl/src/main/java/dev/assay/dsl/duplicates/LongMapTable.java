package dev.assay.dsl.duplicates;

import dev.assay.dsl.engine.LongColumnsReader;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.engine.WorkTable;
import java.util.List;
import java.util.Map;

/** A map of document numbers computed in Java, back in the engine as a scratch table of two columns. */
final class LongMapTable {

    private LongMapTable() {
    }

    static WorkTable of(SqlEngine engine, String purpose, Map<Long, Long> map, String keyColumn, String valueColumn) {
        long[] keys = new long[map.size()];
        long[] values = new long[map.size()];
        int i = 0;
        for (Map.Entry<Long, Long> e : map.entrySet()) {
            keys[i] = e.getKey();
            values[i++] = e.getValue();
        }
        WorkTable table = WorkTable.named(engine, purpose);
        engine.createTable(table.name(), allocator -> new LongColumnsReader(allocator, List.of(keyColumn, valueColumn),
                List.of(keys, values), keys.length));
        return table;
    }
}
