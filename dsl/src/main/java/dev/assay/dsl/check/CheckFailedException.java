package dev.assay.dsl.check;

import java.util.stream.Collectors;

/**
 * A check that did not pass. It carries the whole result so that a front door can show every
 * rule's value before it reports the failure (a notebook run then stops with exit 1).
 */
public final class CheckFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient CheckResult result;

    public CheckFailedException(CheckResult result) {
        super(message(result));
        this.result = result;
    }

    public CheckResult result() {
        return result;
    }

    private static String message(CheckResult result) {
        return "check " + result.dataset() + " failed " + result.failures().size() + " of " + result.rules().size()
                + (result.rules().size() == 1 ? " rule: " : " rules: ")
                + result.failures().stream().map(CheckFailedException::describe).collect(Collectors.joining("; "));
    }

    private static String describe(RuleOutcome o) {
        if (o.value() == null) {
            return o.rule().text() + " (" + o.note() + ")";
        }
        if (o.actual() != null) {
            return o.rule().text() + " (the fingerprint is " + o.actual() + ")";
        }
        String unit = o.rule().measure().inPercent() ? "%" : "";
        if (o.baseline() != null) {
            return o.rule().text() + " (measured " + Values.format(o.value()) + unit + againstBaseline(o, unit) + ")";
        }
        return o.rule().text() + " (measured " + Values.format(o.value()) + unit + ")";
    }

    /** {@code , allowed 0 to 4 by nightly@3} and the note, for a rule compared with a baseline. */
    private static String againstBaseline(RuleOutcome o, String unit) {
        String text = o.baseline().allowed() == null ? "" : ", allowed " + Values.format(o.baseline().allowed().low()) + unit
                + " to " + Values.format(o.baseline().allowed().high()) + unit;
        text += " against " + o.baseline().against();
        return o.note() == null ? text : text + "; " + o.note();
    }
}
