package dev.assay.dsl.statements;

import dev.assay.dsl.lang.ParseException;
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
public record SuggestStatement(String dataset, Position datasetAt, String holdout, Position holdoutAt, Position position)
        implements Statement {

    public static final StatementType TYPE = new StatementSyntax("suggest", Binding.NONE,
            "suggest check for NAME [vs HOLDOUT]",
            Completion.ofDataset("vs").noDatasetAfterKeyword().datasetAfter("for", "vs").valuesAfter("suggest", List.of("check"))
                    .valuesAfter("check", List.of("for")),
            List.of(Suggestion.class),
            (in, targets, at) -> {
                in.expectWord("check");
                in.expectWord("for");
                Position datasetAt = in.peek().position();
                String dataset = in.name("a dataset name");
                if (!in.acceptWord("vs")) {
                    return new SuggestStatement(dataset, datasetAt, null, null, at);
                }
                Position holdoutAt = in.peek().position();
                String holdout = in.name("the holdout dataset to try the rules on");
                return new SuggestStatement(dataset, datasetAt, holdout, holdoutAt, at);
            });

    @Override
    public Object run(StatementContext context) {
        Workspace ws = context.workspace();
        Dataset shown = named(ws, dataset, datasetAt);
        return holdout == null ? shown.suggestCheck() : shown.suggestCheck(named(ws, holdout, holdoutAt));
    }

    /** The dataset {@code name}; an unknown one is reported where it is written, with the closest name. */
    private static Dataset named(Workspace ws, String name, Position at) {
        try {
            return ws.dataset(name);
        } catch (IllegalArgumentException e) {
            throw new ParseException(at, e.getMessage());
        }
    }
}
