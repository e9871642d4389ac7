package dev.assay.dsl.statements;

import dev.assay.dsl.duplicates.Match;
import dev.assay.dsl.lang.Position;
import dev.assay.dsl.lang.Statement;
import dev.assay.dsl.lang.StatementContext;
import dev.assay.dsl.lang.StatementSyntax;
import dev.assay.dsl.lang.StatementType;
import dev.assay.dsl.lang.StatementType.Binding;
import dev.assay.dsl.lang.StatementType.Completion;
import java.util.List;

/** {@code duplicates NAME [on COLS [normalize]] [near T]}: exact groups and near-duplicate clusters. */
public record DuplicatesStatement(String dataset, Match match, Position position) implements Statement {

    /** Where completion offers what in a statement that compares rows. */
    static final Completion COMPARING = Completion.ofDataset("on", "normalize", "near").columnsAfter("on");

    public static final StatementType TYPE = new StatementSyntax("duplicates", Binding.NONE,
            "duplicates NAME [on COLUMNS [normalize]] [near 0.8]", COMPARING, List.of(Match.class),
            (in, targets, at) -> new DuplicatesStatement(in.name("a dataset name"), in.matchClauses(), at));

    @Override
    public Object run(StatementContext context) {
        return context.workspace().dataset(dataset).duplicates(match);
    }
}
