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
        return o.rule().text() + " (measured " + Values.format(o.value()) + (o.rule().measure().inPercent() ? "%" : "") + ")";
    }
}
