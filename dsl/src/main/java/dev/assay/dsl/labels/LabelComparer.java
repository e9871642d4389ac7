package dev.assay.dsl.labels;

import dev.assay.dsl.drift.DriftDetector;
import dev.assay.dsl.drift.DriftPlan;
import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.SqlEngine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The label of one relation against another's: shares side by side, values on one side only, and
 * the drift of the label column as {@code drift} measures it (its {@code auto} method, this
 * relation the reference, NULL labels left out as drift leaves out missing values).
 */
public final class LabelComparer {

    private final SqlEngine engine;

    public LabelComparer(SqlEngine engine) {
        this.engine = engine;
    }

    public LabelComparison compare(String relation, String other, Column label, LabelClasses here) {
        // The other side may hold one class or none: that is a finding, not an error.
        LabelClasses there = new ClassCounter(engine).counted(other, label);
        List<LabelComparison.SideBySide> sideBySide = sideBySide(here, there);
        List<Object> onlyHere = sideBySide.stream().filter(c -> c.otherCount() == 0).map(LabelComparison.SideBySide::value)
                .toList();
        List<Object> onlyThere = sideBySide.stream().filter(c -> c.count() == 0).map(LabelComparison.SideBySide::value).toList();
        // Drift needs values on both sides; with no labelled row there, there is no drift to measure.
        var drift = there.labelledRows() == 0 ? null
                : new DriftDetector(engine).compare(relation, other, DriftPlan.on(label.name())).column(label.name());
        return new LabelComparison(other, there, sideBySide, onlyHere, onlyThere, drift);
    }

    /** Every value of either side: this side's count first (largest first), then the other's, ties by value. */
    static List<LabelComparison.SideBySide> sideBySide(LabelClasses here, LabelClasses there) {
        Map<Object, LabelClass> hereByValue = byValue(here);
        Map<Object, LabelClass> thereByValue = byValue(there);
        List<Object> keys = new ArrayList<>(hereByValue.keySet());
        thereByValue.keySet().stream().filter(v -> !hereByValue.containsKey(v)).forEach(keys::add);
        return keys.stream().map(k -> {
            LabelClass h = hereByValue.get(k);
            LabelClass t = thereByValue.get(k);
            return new LabelComparison.SideBySide(h == null ? t.value() : h.value(), h == null ? 0 : h.count(), h == null ? 0 : h.share(),
                    t == null ? 0 : t.count(), t == null ? 0 : t.share());
        }).sorted(Comparator.<LabelComparison.SideBySide>comparingLong(c -> -c.count())
                .thenComparingLong(c -> -c.otherCount())
                .thenComparing(LabelComparison.SideBySide::value, ClassCounter::compareValues)).toList();
    }

    private static Map<Object, LabelClass> byValue(LabelClasses classes) {
        Map<Object, LabelClass> map = new LinkedHashMap<>();
        classes.classes().forEach(c -> map.put(key(c.value()), c));
        return map;
    }

    /** The same number is one label whatever its Java type on either side (INTEGER here, BIGINT there). */
    private static Object key(Object value) {
        return value instanceof Number n && !(value instanceof Double d && !Double.isFinite(d))
                ? new BigDecimal(n.toString()).stripTrailingZeros() : value;
    }
}
