package dev.assay.dsl.scan;

import dev.assay.dsl.engine.SqlDialect;
import java.util.function.BiFunction;

/**
 * An aggregate computed after another one whose value it needs (a count outside fences taken
 * from quartiles, sums of powers centered on the mean): {@code first} in the scan's statement,
 * however many rounds it takes itself (exact quantiles on Spark), then the rounds that {@code then}
 * builds from its value, a statement per batch of columns and round, never one per column.
 */
public final class Chained<A, T> implements RefinedAggregate<T> {

    private final String key;
    private final Aggregate<A> first;
    private final BiFunction<SqlDialect, A, Refinement<T>> then;

    private Chained(String key, Aggregate<A> first, BiFunction<SqlDialect, A, Refinement<T>> then) {
        this.key = key;
        this.first = first;
        this.then = then;
    }

    /**
     * {@code first}, then what {@code then} makes of its value: the result ({@link Refinement#done})
     * or the next round ({@link Refinement#then}, which may come from {@link #rounds} of another chain).
     */
    public static <A, T> Chained<A, T> of(String key, Aggregate<A> first, BiFunction<SqlDialect, A, Refinement<T>> then) {
        return new Chained<>(key, first, then);
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public Over over() {
        return Over.ROWS;
    }

    @Override
    public String sql(SqlDialect d, String value) {
        throw new UnsupportedOperationException(key + " is computed in rounds");
    }

    @Override
    public T read(Object raw) {
        throw new UnsupportedOperationException(key + " is computed in rounds");
    }

    @Override
    public Aggregate<Refinement<T>> firstRound(SqlDialect d) {
        return rounds(d);
    }

    /** The rounds of this chain as one aggregate of the round in turn, to continue another chain with. */
    public Aggregate<Refinement<T>> rounds(SqlDialect d) {
        if (first instanceof RefinedAggregate<A> refined) {
            Aggregate<Refinement<A>> round = refined.firstRound(d);
            if (round != null) {
                return continued(d, round);
            }
        }
        return Aggregates.of(key + "/" + first.key(), first.over(), first::sql, raw -> then.apply(d, first.read(raw)));
    }

    /** A round of {@code first}, followed by its next rounds, and then by this chain's. */
    private Aggregate<Refinement<T>> continued(SqlDialect d, Aggregate<Refinement<A>> round) {
        return Aggregates.of(key + "/" + round.key(), round.over(), round::sql, raw -> {
            Refinement<A> found = round.read(raw);
            return found.next() != null ? Refinement.then(continued(d, found.next())) : then.apply(d, found.value());
        });
    }
}
