package dev.assay.dsl.statements;

import dev.assay.dsl.lang.Position;
import dev.assay.dsl.lang.Statement;
import dev.assay.dsl.lang.StatementContext;
import dev.assay.dsl.lang.StatementSyntax;
import dev.assay.dsl.lang.StatementType;
import dev.assay.dsl.lang.StatementType.Binding;
import dev.assay.dsl.lang.StatementType.Completion;
import java.util.List;
import java.util.Map;

/**
 * {@code copy NAME to ENGINE [as NEWNAME] [via 'DIRECTORY']}: the dataset's rows on another
 * engine of the session. Under the same name it moves the dataset (names are unique in a
 * session); {@code via} passes the rows through Parquet files in a directory both engines reach.
 */
public record CopyStatement(String dataset, String engine, String target, String via, Position position)
        implements Statement {

    public static final StatementType TYPE = new StatementSyntax("copy", Binding.NONE,
            "copy NAME to ENGINE [as NEWNAME] [via 'DIRECTORY']", Completion.ofDataset("to", "as", "via")
                    .valuesAfter("to", UseStatement.ENGINES), List.of(),
            (in, targets, at) -> {
                String dataset = in.name("the dataset to copy");
                in.expectWord("to");
                String engine = in.name("an engine name, like duckdb or spark");
                String[] as = {null};
                String[] via = {null};
                in.clauses(Map.of("as", () -> as[0] = in.name("the name of the copy"),
                        "via", () -> via[0] = in.string("a directory in quotes that both engines reach")));
                return new CopyStatement(dataset, engine, as[0], via[0], at);
            });

    @Override
    public Object run(StatementContext context) {
        return context.workspace().copy(dataset, engine, target, via);
    }
}
