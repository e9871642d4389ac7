package dev.assay.dsl.lang;

import dev.assay.dsl.check.CheckFailedException;
import dev.assay.dsl.check.CheckResult;
import dev.assay.dsl.check.RuleException;
import dev.assay.dsl.drift.DriftPlan;
import dev.assay.dsl.duplicates.Match;
import dev.assay.dsl.profile.PhoneRegions;
import dev.assay.dsl.split.SplitPlan;
import dev.assay.dsl.workspace.Workspace;
import java.util.Locale;

/**
 * Runs parsed statements against a workspace and returns what each shows. Statements whose
 * operation is not built yet say so by name instead of doing something approximate.
 */
public final class Interpreter {

    private final Workspace workspace;

    public Interpreter(Workspace workspace) {
        this.workspace = workspace;
    }

    /** The statement's result: a value the renderer registry knows how to show. */
    public Object run(Statement statement) {
        // Java 17: no pattern matching in switch yet.
        if (statement instanceof Statement.Load load) {
            return load.pin() ? workspace.loadPin(load.path(), load.target())
                    : workspace.load(load.path(), load.target(), load.options());
        }
        if (statement instanceof Statement.Pin pin) {
            return workspace.dataset(pin.dataset()).pin(pin.label());
        }
        if (statement instanceof Statement.Versions versions) {
            return workspace.versions(versions.label());
        }
        if (statement instanceof Statement.Diff diff) {
            return workspace.diff(diff.from(), diff.to(), diff.on());
        }
        if (statement instanceof Statement.Show show) {
            return workspace.dataset(show.dataset()).show(show.limit() != null ? show.limit() : Workspace.PREVIEW_ROWS);
        }
        if (statement instanceof Statement.Profile profile) {
            return workspace.dataset(profile.dataset()).profile(profile.columns(),
                    profile.phoneRegions() != null ? profile.phoneRegions() : PhoneRegions.defaults());
        }
        if (statement instanceof Statement.Duplicates d) {
            return workspace.dataset(d.dataset()).duplicates(match(d.on(), d.near()));
        }
        if (statement instanceof Statement.Dedup d) {
            return workspace.dataset(d.dataset()).dedup(d.target(), match(d.on(), d.near()));
        }
        if (statement instanceof Statement.Split split) {
            return workspace.dataset(split.dataset()).split(new SplitPlan(split.targets(), split.percentages(),
                    split.by(), split.stratify(), split.group(), split.orderBy(), split.seed() != null ? split.seed() : 0L,
                    split.exact()));
        }
        if (statement instanceof Statement.Leakage leakage) {
            return workspace.dataset(leakage.left()).leakage(workspace.dataset(leakage.right()),
                    match(leakage.on(), leakage.near()));
        }
        if (statement instanceof Statement.Drift drift) {
            DriftPlan plan = DriftPlan.on(drift.columns()).using(drift.using() != null ? drift.using() : "auto");
            plan = drift.threshold() != null ? plan.threshold(drift.threshold().doubleValue()) : plan;
            return workspace.dataset(drift.reference()).drift(workspace.dataset(drift.current()), plan);
        }
        if (statement instanceof Statement.Check check) {
            return check(check);
        }
        if (statement instanceof Statement.Report report) {
            var dataset = workspace.dataset(report.dataset());
            // Where it goes is checked before the costly part, and again when it is written.
            java.nio.file.Path file = report.to() == null ? null : workspace.outputRule().resolve(report.to());
            var result = report.versus() == null ? dataset.report() : dataset.report(workspace.dataset(report.versus()));
            return file == null ? result : result.to(file);
        }
        throw new NotYetAvailableException(statement.position() + ": '" + keyword(statement)
                + "' is part of the language but not yet available in this version of Assay");
    }

    /**
     * The check's result when every rule holds; otherwise {@link CheckFailedException}. A rule
     * that cannot be measured (an unknown column, say) is reported where the rule is written.
     */
    private CheckResult check(Statement.Check check) {
        try {
            return workspace.dataset(check.dataset()).check(check.rules());
        } catch (RuleException e) {
            throw new ParseException(check.rulePositions().get(e.ruleIndex()), e.getMessage());
        }
    }

    private static Match match(Statement.KeySpec on, java.math.BigDecimal near) {
        Match match = Match.on(on.columns());
        match = on.normalize() ? match.normalized() : match;
        return near != null ? match.near(near.doubleValue()) : match;
    }

    static String keyword(Statement statement) {
        if (statement instanceof Statement.Load load && load.pin()) {
            return "load pin";
        }
        return statement.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    /** A statement that parses but whose operation arrives in a later version. */
    public static final class NotYetAvailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotYetAvailableException(String message) {
            super(message);
        }
    }
}
