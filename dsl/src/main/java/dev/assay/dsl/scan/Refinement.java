package dev.assay.dsl.scan;

/**
 * What one round of a {@link RefinedAggregate} found: the value, or the aggregate of the next
 * round (whose SQL was built from this round's result).
 */
public record Refinement<T>(T value, Aggregate<Refinement<T>> next) {

    public static <T> Refinement<T> done(T value) {
        return new Refinement<>(value, null);
    }

    public static <T> Refinement<T> then(Aggregate<Refinement<T>> next) {
        return new Refinement<>(null, next);
    }
}
