package dev.assay.dsl.check;

import dev.assay.dsl.naming.LanguageString;
import java.math.BigDecimal;

/**
 * One rule of a check: a measure, a comparison and a limit, a number for every measure but
 * {@code fingerprint}, whose limit is a text ({@code 'sha256:…'} or {@code 'label@N'}).
 */
public record Rule(Measure measure, Operator operator, BigDecimal limit, String expected) {

    public Rule {
        if (measure.isFingerprint()) {
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

    /** The rule as the language writes it: {@code missing(text) < 1%}. */
    public String text() {
        String right = expected != null ? LanguageString.quote(expected)
                : limit.toPlainString() + (measure.inPercent() ? "%" : "");
        return measure.text() + " " + operator.symbol() + " " + right;
    }

    @Override
    public String toString() {
        return text();
    }
}
