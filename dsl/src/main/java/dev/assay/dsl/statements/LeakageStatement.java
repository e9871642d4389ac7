package dev.assay.dsl.statements;

import dev.assay.dsl.duplicates.Match;
import dev.assay.dsl.lang.Position;
import dev.assay.dsl.lang.Statement;
import dev.assay.dsl.lang.StatementContext;
import dev.assay.dsl.lang.StatementSyntax;
import dev.assay.dsl.lang.StatementType;
import dev.assay.dsl.lang.StatementType.Binding;
import dev.assay.dsl.workspace.Workspace;
import java.util.List;

/** {@code leakage A, B [on COLS [normalize]] [near T]}: rows of B that also occur in A. */
public record LeakageStatement(String left, String right, Match match, Position position) implements Statement {

    public static final StatementType TYPE = new StatementSyntax("leakage", Binding.NONE,
            "leakage NAME, NAME [on COLUMNS [normalize]] [near 0.8]", DuplicatesStatement.COMPARING, List.of(Match.class),
            (in, targets, at) -> {
                String left = in.name("a dataset name");
                in.expectSymbol(",");
                String right = in.name("a second dataset name");
                return new LeakageStatement(left, right, in.matchClauses(), at);
            });

    @Override
    public Object run(StatementContext context) {
        Workspace ws = context.workspace();
        return ws.dataset(left).leakage(ws.dataset(right), match);
    }
}
