package dev.assay.dsl.check;

import dev.assay.dsl.labels.LabelClass;
import dev.assay.dsl.labels.LabelClasses;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code new_labels(LABEL, OTHER)}: how many label values dataset OTHER has that the checked
 * dataset has not (NULL is no label); a count, never a percentage.
 */
public record NewLabels(String label, String other) implements Measure {

    @Override
    public String name() {
        return "new_labels";
    }

    @Override
    public List<String> arguments() {
        return List.of(label, other);
    }

    @Override
    public Measure percent() {
        throw new IllegalArgumentException(text() + " counts label values, not rows: write " + text() + " = 0");
    }

    @Override
    public Reading plan(Rule rule, CheckTarget data) {
        Supplier<LabelClasses> here = data.labelClasses(label);
        Supplier<LabelClasses> there = data.labelClassesOf(other, label);
        return () -> {
            Set<Object> known = here.get().classes().stream().map(NewLabels::key).collect(Collectors.toSet());
            long unseen = there.get().classes().stream().map(NewLabels::key).filter(v -> !known.contains(v)).count();
            return RuleOutcome.measured(rule, unseen);
        };
    }

    /** A label value compared by what it is: 1 (INTEGER) is 1 (BIGINT) is 1.0 (DOUBLE) on the other side. */
    private static Object key(LabelClass c) {
        return c.value() instanceof Number n && Double.isFinite(n.doubleValue())
                ? new BigDecimal(n.toString()).stripTrailingZeros() : c.value();
    }
}
