package dev.assay.dsl.check;

/** A rule that cannot be measured as written (an unknown column, a text column's mean), with the rule's place in the check. */
public final class RuleException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int ruleIndex;

    public RuleException(int ruleIndex, String message) {
        super(message);
        this.ruleIndex = ruleIndex;
    }

    /** The 0-based position of the rule in its check. */
    public int ruleIndex() {
        return ruleIndex;
    }
}
