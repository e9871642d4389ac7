package dev.assay.dsl.statements;

import dev.assay.dsl.correlations.CorrelationMethod;
import dev.assay.dsl.correlations.CorrelationsPlan;
import dev.assay.dsl.lang.ParseException;
import dev.assay.dsl.lang.Position;
import dev.assay.dsl.lang.Statement;
import dev.assay.dsl.lang.StatementContext;
import dev.assay.dsl.lang.StatementReader;
import dev.assay.dsl.lang.StatementSyntax;
import dev.assay.dsl.lang.StatementType;
import dev.assay.dsl.lang.StatementType.Binding;
import dev.assay.dsl.lang.StatementType.Completion;
import dev.assay.dsl.naming.Excerpt;
import dev.assay.dsl.naming.Suggestions;
import dev.assay.dsl.lang.Token;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code correlations NAME [on COLS] [using pearson|spearman|cramer|eta|auto]}. */
public record CorrelationsStatement(String dataset, CorrelationsPlan plan, Position position) implements Statement {

    public static final StatementType TYPE = new StatementSyntax("correlations", Binding.NONE,
            "correlations NAME [on COLUMNS] [using " + String.join("|", CorrelationMethod.keywords()) + "]",
            Completion.ofDataset("on", "using").columnsAfter("on").valuesAfter("using", CorrelationMethod.keywords()),
            List.of(CorrelationsPlan.class), CorrelationsStatement::read);

    private static Statement read(StatementReader in, List<String> targets, Position at) {
        String dataset = in.name("a dataset name");
        CorrelationsPlan[] plan = {CorrelationsPlan.all()};
        Map<String, Runnable> clauses = new LinkedHashMap<>();
        clauses.put("on", () -> plan[0] = CorrelationsPlan.on(in.columns()).using(plan[0].method()));
        clauses.put("using", () -> {
            Token t = in.peek();
            List<String> methods = CorrelationMethod.keywords();
            CorrelationMethod method = CorrelationMethod.of(in.name("a method (" + String.join(", ", methods) + ")"));
            if (method == null) {
                throw new ParseException(t.position(), "unknown correlation method '" + Excerpt.of(t.text()) + "'"
                        + Suggestions.didYouMean(t.text(), methods) + "; methods: " + String.join(", ", methods));
            }
            plan[0] = plan[0].using(method);
        });
        in.clauses(clauses);
        return new CorrelationsStatement(dataset, plan[0], at);
    }

    @Override
    public Object run(StatementContext context) {
        return context.workspace().dataset(dataset).correlations(plan);
    }
}
