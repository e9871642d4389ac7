package dev.assay.dsl.statements;

import dev.assay.dsl.lang.Position;
import dev.assay.dsl.lang.Statement;
import dev.assay.dsl.lang.StatementContext;
import dev.assay.dsl.lang.StatementSyntax;
import dev.assay.dsl.lang.StatementType;
import dev.assay.dsl.lang.StatementType.Binding;
import dev.assay.dsl.lang.StatementType.Completion;
import dev.assay.dsl.workspace.Workspace;
import java.util.List;

/** {@code show NAME [limit N]}: the first rows and the row count. */
public record ShowStatement(String dataset, Integer limit, Position position) implements Statement {

    public static final StatementType TYPE = new StatementSyntax("show", Binding.NONE, "show NAME [limit N]",
            Completion.ofDataset("limit"), List.of(), (in, targets, at) -> {
                String dataset = in.name("a dataset name");
                Integer limit = in.acceptWord("limit") ? (int) in.count("a row count", Integer.MAX_VALUE) : null;
                return new ShowStatement(dataset, limit, at);
            });

    @Override
    public Object run(StatementContext context) {
        return context.workspace().dataset(dataset).show(limit != null ? limit : Workspace.PREVIEW_ROWS);
    }
}
