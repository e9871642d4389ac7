package dev.assay.dsl.statements;

import dev.assay.dsl.lang.Position;
import dev.assay.dsl.lang.Statement;
import dev.assay.dsl.lang.StatementContext;
import dev.assay.dsl.lang.StatementSyntax;
import dev.assay.dsl.lang.StatementType;
import dev.assay.dsl.lang.StatementType.Binding;
import dev.assay.dsl.lang.StatementType.Completion;
import dev.assay.dsl.suggest.Suggestion;
import dev.assay.dsl.workspace.Dataset;
import dev.assay.dsl.workspace.Workspace;
import java.util.List;

/** {@code suggest check for NAME [vs HOLDOUT]}: a check statement from NAME's profile, tried on HOLDOUT when given. */
public record SuggestStatement(String dataset, String holdout, Position position) implements Statement {

    public static final StatementType TYPE = new StatementSyntax("suggest", Binding.NONE,
            "suggest check for NAME [vs HOLDOUT]",
            Completion.ofDataset("check", "for", "vs").noDatasetAfterKeyword().datasetAfter("for", "vs"),
            List.of(Suggestion.class),
            (in, targets, at) -> {
                in.expectWord("check");
                in.expectWord("for");
                String dataset = in.name("a dataset name");
                String holdout = in.acceptWord("vs") ? in.name("the holdout dataset to try the rules on") : null;
                return new SuggestStatement(dataset, holdout, at);
            });

    @Override
    public Object run(StatementContext context) {
        Workspace ws = context.workspace();
        Dataset shown = ws.dataset(dataset);
        return holdout == null ? shown.suggestCheck() : shown.suggestCheck(ws.dataset(holdout));
    }
}
