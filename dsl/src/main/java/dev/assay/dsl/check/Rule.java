package dev.assay.dsl.check;

import dev.assay.dsl.baseline.Tolerance;
import dev.assay.dsl.naming.LanguageString;
import java.math.BigDecimal;

/**
 * One rule of a check: a measure, a comparison and a limit, a number for every measure but
 * {@code fingerprint}, whose limit is a text ({@code 'sha256:…'} or {@code 'label@N'}); or a
 * measure and how far it may be from a baseline ({@code within}, no comparison nor limit).
 */
public record Rule(Measure measure, Operator operator, BigDecimal limit, String expected, Tolerance within) {

    public Rule {
        if (within != null) {
            if (operator != null || limit != null || expected != null) {
                throw new IllegalArgumentException("a within rule has no comparison: write " + measure.text() + " within "
                        + within.text());
            }
            if (measure.metricValue() == null) {
                throw new IllegalArgumentException(measure.text() + " has no value kept with pinned versions, so it "
                        + "cannot be within a baseline; within applies to " + String.join(", ", Measure.namesWithBaselineValue()));
            }
        } else if (measure.isFingerprint()) {
            if (expected == null || limit != null) {
                throw new IllegalArgumentException("fingerprint is compared with a fingerprint or a version in quotes: "
                        + "write fingerprint = 'sha256:…' or fingerprint = 'label@N'");
            }
            if (operator != Operator.EQUAL && operator != Operator.NOT_EQUAL) {
                throw new IllegalArgumentException("fingerprint is compared with = or !=, not " + operator.symbol());
            }
        } else if (limit == null || expected != null) {
            throw new IllegalArgumentException(measure.text() + " is compared with a number, like " + measure.text()
                    + " " + operator.symbol() + " 10" + (measure.inPercent() ? "%" : ""));
        }
    }

    public Rule(Measure measure, Operator operator, BigDecimal limit, String expected) {
        this(measure, operator, limit, expected, null);
    }

    /** {@code schema unchanged}: the same column names, order and types as the baseline version. */
    public static Rule schemaUnchanged() {
        return new SchemaChanges().equalTo(0);
    }

    /** Whether the rule needs a baseline ({@code check NAME against 'LABEL'}): {@code within}, {@code schema unchanged}, {@code drift < N%}. */
    public boolean needsBaseline() {
        return within != null || measure.needsBaseline();
    }

    /** Plans measuring this rule on {@code data} (see {@link Measure#plan}); a {@code within} rule compares with the baseline. */
    public Reading plan(CheckTarget data) {
        return within != null ? BaselineReadings.within(this, data) : measure.plan(this, data);
    }

    /** The rule as the language writes it: {@code missing(text) < 1%}, {@code mean(x) within 3 sd}. */
    public String text() {
        if (within != null) {
            return measure.text() + (measure.inPercent() ? "%" : "") + " within " + within.text();
        }
        if (expected != null) {
            return measure.text() + " " + operator.symbol() + " " + LanguageString.quote(expected);
        }
        return measure.ruleText(operator, limit);
    }

    @Override
    public String toString() {
        return text();
    }
}
