package dev.assay.dsl.check;

/** A rule's outcome, read once the check's scan ran: what {@link Measure#plan} hands back. */
@FunctionalInterface
public interface Reading {

    RuleOutcome outcome();
}
