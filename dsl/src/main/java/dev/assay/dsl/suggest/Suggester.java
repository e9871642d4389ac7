package dev.assay.dsl.suggest;

import dev.assay.dsl.check.CheckResult;
import dev.assay.dsl.check.Rule;
import dev.assay.dsl.profile.Profile;
import java.util.List;
import java.util.function.Function;

/**
 * Suggests a check from a dataset's profile (docs/suggest.md): every rule bounded with its
 * margin and, given a holdout, tried on it and widened or dropped where it broke.
 */
public final class Suggester {

    private Suggester() {
    }

    /** The rules {@code profile} supports, without a holdout. */
    public static Suggestion suggest(Profile profile) {
        ProfileRules rules = ProfileRules.of(profile);
        List<SuggestedRule> suggested = rules.proposals().stream().map(p -> new SuggestedRule(p.rule(), p.reason())).toList();
        return new Suggestion(profile.dataset(), null, suggested, List.of(), List.of(), rules.skipped());
    }

    /**
     * The rules {@code profile} supports, tried on holdout {@code holdout}: {@code measure} runs
     * rules on it as one check and throws {@code RuleException} for a rule it cannot measure.
     */
    public static Suggestion suggest(Profile profile, String holdout, Function<List<Rule>, CheckResult> measure) {
        ProfileRules rules = ProfileRules.of(profile);
        HoldoutTrial trial = HoldoutTrial.run(rules.proposals(), measure);
        return new Suggestion(profile.dataset(), holdout, trial.kept(), trial.widened(), trial.dropped(), rules.skipped());
    }
}
