package dev.assay.dsl.duplicates;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One key that occurs {@code count} times; {@code values} are the key columns of its first row ({@code firstRow}, 0-based). */
public record DuplicateGroup(long count, long firstRow, Map<String, Object> values) {

    public DuplicateGroup {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
