package dev.assay.dsl.check;

import java.util.Arrays;
import java.util.Optional;

/** The comparison of a rule, as written in the language. */
public enum Operator {
    LESS("<"), AT_MOST("<="), EQUAL("="), AT_LEAST(">="), GREATER(">"), NOT_EQUAL("!=");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** The operator written {@code symbol}; {@code ==} is read as {@code =}. */
    public static Optional<Operator> of(String symbol) {
        String s = symbol.equals("==") ? "=" : symbol;
        return Arrays.stream(values()).filter(o -> o.symbol.equals(s)).findFirst();
    }

    /** Whether {@code measured <op> limit}: Java's total order of doubles, so a NaN never passes. */
    public boolean holds(double measured, double limit) {
        if (Double.isNaN(measured)) {
            return false;
        }
        int c = Double.compare(measured, limit);
        return switch (this) {
            case LESS -> c < 0;
            case AT_MOST -> c <= 0;
            case EQUAL -> measured == limit;
            case AT_LEAST -> c >= 0;
            case GREATER -> c > 0;
            case NOT_EQUAL -> measured != limit;
        };
    }
}
