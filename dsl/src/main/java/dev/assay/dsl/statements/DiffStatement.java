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
import dev.assay.dsl.store.VersionRef;
import dev.assay.dsl.workspace.DiffSide;
import java.util.List;

/** {@code diff A B [on KEY]}: each side a version in quotes or a dataset name. */
public record DiffStatement(DiffSide from, DiffSide to, List<String> on, Position position) implements Statement {

    public static final StatementType TYPE = new StatementSyntax("diff", Binding.NONE,
            "diff 'label@1' 'label@2' [on KEY]  (each side a version in quotes or a dataset name)",
            Completion.ofDataset("on").columnsAfter("on").labelAfter("diff"), List.of(), (in, targets, at) -> {
                DiffSide from = side(in, "a version in quotes, like 'reviews-train@1', or a dataset name");
                DiffSide to = side(in, "a second version in quotes, or a dataset name");
                return new DiffStatement(from, to, in.optionalColumns("on"), at);
            });

    private static DiffSide side(StatementReader in, String what) {
        Token t = in.peek();
        if (t.kind() == Token.Kind.WORD && !t.isWord("on")) {
            return DiffSide.dataset(in.name(what));
        }
        return DiffSide.version(in.checkedString(what, VersionRef::parse));
    }

    @Override
    public Object run(StatementContext context) {
        return context.workspace().diff(from, to, on);
    }
}
