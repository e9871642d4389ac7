package dev.assay.dsl.statements;

import dev.assay.dsl.lang.Position;
import dev.assay.dsl.lang.Statement;
import dev.assay.dsl.lang.StatementContext;
import dev.assay.dsl.lang.StatementReader;
import dev.assay.dsl.lang.StatementSyntax;
import dev.assay.dsl.lang.StatementType;
import dev.assay.dsl.lang.StatementType.Binding;
import dev.assay.dsl.lang.StatementType.Completion;
import dev.assay.dsl.lang.Token;
import dev.assay.dsl.sample.SamplePlan;
import java.util.List;
import java.util.Map;

/** {@code NAME = sample NAME N [seed S]} and {@code NAME = sample NAME P% [seed S]}: a reproducible random sample. */
public record SampleStatement(String target, String dataset, SamplePlan plan, Position position) implements Statement {

    public static final StatementType TYPE = new StatementSyntax("sample", Binding.ONE,
            "NAME = sample NAME 1000 [seed N]  or  NAME = sample NAME 10% [seed N]", Completion.ofDataset("seed"),
            List.of(SamplePlan.class), SampleStatement::read);

    private static Statement read(StatementReader in, List<String> targets, Position at) {
        String dataset = in.name("the dataset to sample");
        Token size = in.peek();
        SamplePlan plan;
        if (size.kind() == Token.Kind.NUMBER && in.peekAt(1).isSymbol("%")) {
            plan = StatementReader.atPosition(size, () -> SamplePlan.percent(in.number("a percentage")));
            in.expectSymbol("%");
        } else {
            long rows = in.count("a row count like 1000 or a percentage like 10%", Long.MAX_VALUE);
            plan = StatementReader.atPosition(size, () -> SamplePlan.rows(rows));
        }
        long[] seed = {0};
        in.clauses(Map.of("seed", () -> seed[0] = in.seed()));
        return new SampleStatement(targets.get(0), dataset, plan.seed(seed[0]), at);
    }

    @Override
    public Object run(StatementContext context) {
        return context.workspace().dataset(dataset).sample(target, plan);
    }
}
