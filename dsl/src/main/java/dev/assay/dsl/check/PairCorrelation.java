package dev.assay.dsl.check;

import dev.assay.dsl.correlations.CorrelationNote;
import dev.assay.dsl.correlations.Correlations;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code correlation(A, B)}: the correlation of two columns by the pair's {@code auto} method
 * (pearson for two numbers, cramer for two categories, eta for one of each), as
 * {@code correlations NAME on A, B} computes it. A correlation, -1 to 1, so never a percentage.
 */
public record PairCorrelation(String a, String b) implements Measure {

    @Override
    public String name() {
        return "correlation";
    }

    @Override
    public List<String> arguments() {
        return List.of(a, b);
    }

    @Override
    public Measure percent() {
        throw new IllegalArgumentException(text() + " is a correlation (-1 to 1), not a percentage: write " + text() + " < 0.95");
    }

    @Override
    public Reading plan(Rule rule, CheckTarget data) {
        if (a.equals(b)) {
            throw new IllegalArgumentException(text() + " measures two different columns: write correlation(A, B)");
        }
        Supplier<Correlations> correlations = data.correlations(a, b);
        return () -> {
            Correlations c = correlations.get();
            Double value = c.matrix().get(0).get(1);
            if (value == null) {
                String why = c.notes().stream().map(CorrelationNote::message).collect(Collectors.joining("; "));
                return RuleOutcome.unmeasurable(rule, "no correlation of '" + a + "' with '" + b + "': " + why);
            }
            return RuleOutcome.measured(rule, value);
        };
    }
}
