package dev.assay.dsl.suggest;

import dev.assay.dsl.check.Rule;

/** What becomes of a rule the holdout broke: widened to {@code rule}, or dropped ({@code rule} null); and why. */
record Revision(Rule rule, String reason) {

    static Revision widened(Rule rule, String reason) {
        return new Revision(rule, reason);
    }

    static Revision dropped(String reason) {
        return new Revision(null, reason);
    }

    boolean isDropped() {
        return rule == null;
    }
}
