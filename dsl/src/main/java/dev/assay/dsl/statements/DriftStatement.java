package dev.assay.dsl.statements;

import dev.assay.dsl.drift.DriftMethod;
import dev.assay.dsl.drift.DriftPlan;
import dev.assay.dsl.lang.ParseException;
import dev.assay.dsl.lang.Position;
import dev.assay.dsl.lang.Statement;
import dev.assay.dsl.lang.StatementContext;
import dev.assay.dsl.lang.StatementReader;
import dev.assay.dsl.lang.StatementSyntax;
import dev.assay.dsl.lang.StatementType;
import dev.assay.dsl.lang.StatementType.Binding;
import dev.assay.dsl.lang.StatementType.Completion;
import dev.assay.dsl.lang.Token;
import dev.assay.dsl.naming.Excerpt;
import dev.assay.dsl.naming.Suggestions;
import dev.assay.dsl.workspace.Workspace;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** {@code drift REFERENCE vs CURRENT [on COLS] [using METHOD] [threshold T]}. */
public record DriftStatement(String reference, String current, List<String> columns, String using, BigDecimal threshold,
        Position position) implements Statement {

    /** The words of {@code using}: every method, and {@code auto}. */
    public static final List<String> METHODS = Stream.concat(DriftMethod.keywords().stream(), Stream.of("auto")).toList();

    public static final StatementType TYPE = new StatementSyntax("drift", Binding.NONE,
            "drift NAME vs NAME [on COLUMNS] [using " + String.join("|", METHODS) + "] [threshold 0.1]",
            Completion.ofDataset("vs", "on", "using", "threshold").datasetAfter("vs").columnsAfter("on")
                    .valuesAfter("using", METHODS),
            List.of(DriftPlan.class), DriftStatement::read);

    private static final class Clauses {
        List<String> on = List.of();
        String using;
        BigDecimal threshold;
        Position thresholdAt;
    }

    private static Statement read(StatementReader in, List<String> targets, Position at) {
        String reference = in.name("the reference dataset");
        in.expectWord("vs");
        String current = in.name("the current dataset");
        Clauses c = new Clauses();
        Map<String, Runnable> clauses = new LinkedHashMap<>();
        clauses.put("on", () -> c.on = in.columns());
        clauses.put("using", () -> {
            Token t = in.peek();
            String method = in.name("a drift method (" + String.join(", ", METHODS) + ")").toLowerCase(Locale.ROOT);
            if (!METHODS.contains(method)) {
                throw new ParseException(t.position(), "unknown drift method '" + Excerpt.of(t.text()) + "'"
                        + Suggestions.didYouMean(t.text(), METHODS) + "; methods: " + String.join(", ", METHODS));
            }
            c.using = method;
        });
        clauses.put("threshold", () -> {
            Token t = in.peek();
            c.threshold = in.number("a threshold");
            c.thresholdAt = t.position();
            if (c.threshold.signum() < 0) {
                throw new ParseException(t.position(), "the threshold must not be negative, got " + t.text());
            }
        });
        in.clauses(clauses);
        if (c.using != null && c.threshold != null) {
            DriftMethod method = DriftMethod.of(c.using);
            String problem = method == null ? null : method.thresholdProblem(c.threshold.doubleValue());
            if (problem != null) {
                throw new ParseException(c.thresholdAt, "threshold " + c.threshold.toPlainString() + " is out of range: " + problem);
            }
        }
        return new DriftStatement(reference, current, c.on, c.using, c.threshold, at);
    }

    @Override
    public Object run(StatementContext context) {
        DriftPlan plan = DriftPlan.on(columns).using(using != null ? using : "auto");
        plan = threshold != null ? plan.threshold(threshold.doubleValue()) : plan;
        Workspace ws = context.workspace();
        return ws.dataset(reference).drift(ws.dataset(current), plan);
    }
}
