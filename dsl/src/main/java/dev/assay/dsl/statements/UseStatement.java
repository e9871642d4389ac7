package dev.assay.dsl.statements;

import dev.assay.dsl.engine.DuckDbEngineProvider;
import dev.assay.dsl.lang.Position;
import dev.assay.dsl.lang.Statement;
import dev.assay.dsl.lang.StatementContext;
import dev.assay.dsl.lang.StatementSyntax;
import dev.assay.dsl.lang.StatementType;
import dev.assay.dsl.lang.StatementType.Binding;
import dev.assay.dsl.lang.StatementType.Completion;
import dev.assay.dsl.lang.Token;
import dev.assay.dsl.workspace.Workspace;
import java.util.List;

/**
 * {@code use ENGINE ['LOCATION']}: the engine new datasets are made in from now on, opened on
 * first use ({@code use spark 'sc://host:15002'}, {@code use duckdb}). Which engines exist is
 * known when it runs (extensions add them), so an unknown name is refused then, not when parsed.
 */
public record UseStatement(String engine, String location, Position position) implements Statement {

    /** The engines completion offers: the built-in one and the one Assay ships as a module. */
    static final List<String> ENGINES = List.of(DuckDbEngineProvider.NAME, Workspace.SPARK);

    public static final StatementType TYPE = new StatementSyntax("use", Binding.NONE,
            "use ENGINE ['LOCATION']  (use duckdb; use spark 'sc://host:15002' or 'local[2]')",
            Completion.ofDataset().noDatasetAfterKeyword().valuesAfter("use", ENGINES), List.of(),
            (in, targets, at) -> {
                String engine = in.name("an engine name, like duckdb or spark");
                String location = in.peek().kind() == Token.Kind.STRING
                        ? in.string("the engine's location in quotes") : null;
                return new UseStatement(engine, location, at);
            });

    @Override
    public Object run(StatementContext context) {
        return context.workspace().use(engine, location);
    }
}
