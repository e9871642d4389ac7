package dev.assay.dsl.suggest;

import dev.assay.dsl.check.Rule;

/**
 * A rule derived from the profile, its reason, and how it widens when a holdout breaks it:
 * {@link Widening#cover} gets the holdout's measured value (in the rule's unit) and row count.
 */
record Proposal(Rule rule, String reason, Widening widening) {

    @FunctionalInterface
    interface Widening {
        Revision cover(double holdoutValue, long holdoutRows);
    }
}
