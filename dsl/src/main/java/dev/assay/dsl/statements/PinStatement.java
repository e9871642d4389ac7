package dev.assay.dsl.statements;

import dev.assay.dsl.lang.Position;
import dev.assay.dsl.lang.Statement;
import dev.assay.dsl.lang.StatementContext;
import dev.assay.dsl.lang.StatementSyntax;
import dev.assay.dsl.lang.StatementType;
import dev.assay.dsl.lang.StatementType.Binding;
import dev.assay.dsl.lang.StatementType.Completion;
import dev.assay.dsl.store.VersionRef;
import java.util.List;

/** {@code pin NAME as 'label'}: the dataset's rows as the label's next version. */
public record PinStatement(String dataset, String label, Position position) implements Statement {

    public static final StatementType TYPE = new StatementSyntax("pin", Binding.NONE, "pin NAME as 'label'",
            Completion.ofDataset("as").labelAfter("as"), List.of(), (in, targets, at) -> {
                String dataset = in.name("a dataset name");
                in.expectWord("as");
                return new PinStatement(dataset, in.checkedString("a version label in quotes, like 'reviews-train'",
                        VersionRef::checkLabel), at);
            });

    @Override
    public Object run(StatementContext context) {
        return context.workspace().dataset(dataset).pin(label);
    }
}
