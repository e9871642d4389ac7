package dev.assay.dsl.suggest;

import dev.assay.dsl.check.CheckResult;
import dev.assay.dsl.check.Rule;
import dev.assay.dsl.check.RuleException;
import dev.assay.dsl.check.RuleOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Tries the proposed rules on a holdout in one check ({@code measure}, the holdout's
 * {@code evaluate}) and keeps, widens or drops each: a rule that holds is kept; one that fails
 * is widened to cover the holdout's value with the same margin, or dropped when that would say
 * nothing; a rule the holdout cannot measure (a column it lacks or holds other values in) is
 * dropped, and the others are measured again without it.
 */
final class HoldoutTrial {

    private final List<SuggestedRule> kept = new ArrayList<>();
    private final List<WidenedRule> widened = new ArrayList<>();
    private final List<DroppedRule> dropped = new ArrayList<>();

    static HoldoutTrial run(List<Proposal> proposals, Function<List<Rule>, CheckResult> measure) {
        HoldoutTrial trial = new HoldoutTrial();
        List<Proposal> measurable = new ArrayList<>(proposals);
        CheckResult result = null;
        while (result == null && !measurable.isEmpty()) {
            try {
                result = measure.apply(measurable.stream().map(Proposal::rule).toList());
            } catch (RuleException e) {
                Proposal unmeasurable = measurable.remove(e.ruleIndex());
                trial.dropped.add(new DroppedRule(unmeasurable.rule(), "the holdout cannot measure it: " + e.getMessage()));
            }
        }
        if (result != null) {
            trial.revise(measurable, result.rules());
        }
        return trial;
    }

    private void revise(List<Proposal> proposals, List<RuleOutcome> outcomes) {
        long holdoutRows = holdoutRows(outcomes);
        for (int i = 0; i < proposals.size(); i++) {
            Proposal proposal = proposals.get(i);
            RuleOutcome outcome = outcomes.get(i);
            if (outcome.passed()) {
                kept.add(new SuggestedRule(proposal.rule(), proposal.reason()));
            } else if (outcome.value() == null) {
                dropped.add(new DroppedRule(proposal.rule(), "the holdout has nothing to measure: " + outcome.note()));
            } else {
                Revision revision = proposal.widening().cover(outcome.value(), holdoutRows);
                if (revision.isDropped()) {
                    dropped.add(new DroppedRule(proposal.rule(), revision.reason()));
                } else {
                    kept.add(new SuggestedRule(revision.rule(), revision.reason()));
                    widened.add(new WidenedRule(revision.rule(), proposal.rule(), revision.reason()));
                }
            }
        }
    }

    /** The holdout's row count, which the {@code rows} rule (always proposed first) measured. */
    private static long holdoutRows(List<RuleOutcome> outcomes) {
        return outcomes.stream().filter(o -> o.rule().measure().name().equals("rows") && o.value() != null)
                .mapToLong(o -> o.value().longValue()).findFirst().orElse(0);
    }

    List<SuggestedRule> kept() {
        return kept;
    }

    List<WidenedRule> widened() {
        return widened;
    }

    List<DroppedRule> dropped() {
        return dropped;
    }
}
