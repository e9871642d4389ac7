package dev.assay.dsl.check;

import dev.assay.dsl.baseline.DurationText;
import dev.assay.dsl.engine.Column;
import dev.assay.dsl.profile.ColumnKind;
import dev.assay.dsl.scan.Aggregate;
import dev.assay.dsl.scan.Aggregates;
import dev.assay.dsl.scan.Handle;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * {@code freshness(col)}: seconds from the latest value of a date or time column to now (a
 * TIMESTAMP without zone read as UTC, a DATE as its midnight UTC), compared with a duration
 * ({@code <= 12 h}). The latest value comes from the check's one scan.
 */
public record Freshness(String column) implements Measure {

    /** The latest value in microseconds since 1970-01-01 UTC, as the profile reads times. */
    private static final Aggregate<Double> LATEST = Aggregates.of("freshness:max_micros", Aggregate.Over.ROWS,
            (d, x) -> d.castDouble("max(" + d.epochMicros(x) + ")"), Aggregates::asDouble);

    @Override
    public String name() {
        return "freshness";
    }

    @Override
    public List<String> arguments() {
        return List.of(column);
    }

    @Override
    public boolean takesDuration() {
        return true;
    }

    /** Only {@code <} and {@code <=}: a rule asks that data be recent enough. */
    @Override
    public Rule compare(Operator operator, Number limit) {
        if (operator != Operator.LESS && operator != Operator.AT_MOST) {
            throw new IllegalArgumentException("freshness is compared with < or <=, like freshness(" + column + ") <= 12 h");
        }
        return Measure.super.compare(operator, limit);
    }

    @Override
    public String ruleText(Operator operator, BigDecimal limit) {
        return text() + " " + operator.symbol() + " " + DurationText.text(limit);
    }

    @Override
    public Reading plan(Rule rule, CheckTarget data) {
        Column c = Readings.columnOf(data, this, column, ColumnKind.TEMPORAL, "a date or time");
        Handle<Double> latest = data.aggregate(c, LATEST);
        return () -> {
            Double micros = latest.get();
            if (micros == null) {
                return RuleOutcome.unmeasurable(rule, "'" + c.name() + "' has no values");
            }
            Instant now = data.now();
            long nowMicros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
            long at = micros.longValue();
            Instant when = Instant.ofEpochSecond(Math.floorDiv(at, 1_000_000L), Math.floorMod(at, 1_000_000L) * 1000);
            return RuleOutcome.fresh(rule, (nowMicros - at) / 1e6, when.toString());
        };
    }
}
