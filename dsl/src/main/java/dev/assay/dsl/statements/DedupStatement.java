package dev.assay.dsl.statements;

import dev.assay.dsl.duplicates.Match;
import dev.assay.dsl.lang.Position;
import dev.assay.dsl.lang.Statement;
import dev.assay.dsl.lang.StatementContext;
import dev.assay.dsl.lang.StatementSyntax;
import dev.assay.dsl.lang.StatementType;
import dev.assay.dsl.lang.StatementType.Binding;
import java.util.List;

/** {@code NAME = dedup NAME [on COLS [normalize]] [near T]}: the first row of each group or cluster. */
public record DedupStatement(String target, String dataset, Match match, Position position) implements Statement {

    public static final StatementType TYPE = new StatementSyntax("dedup", Binding.ONE,
            "NAME = dedup NAME [on COLUMNS [normalize]] [near 0.8]", DuplicatesStatement.COMPARING, List.of(Match.class),
            (in, targets, at) -> new DedupStatement(targets.get(0), in.name("a dataset name"), in.matchClauses(), at));

    @Override
    public Object run(StatementContext context) {
        return context.workspace().dataset(dataset).dedup(target, match);
    }
}
