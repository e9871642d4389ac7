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
import java.util.Map;

/** {@code versions 'label'}: the label's versions, with the lineage of the latest. */
public record VersionsStatement(String label, Position position) implements Statement {

    public static final StatementType TYPE = new StatementSyntax("versions", Binding.NONE, "versions 'label'",
            new Completion(false, List.of(), List.of(), List.of(), List.of("versions"), Map.of()), List.of(),
            (in, targets, at) -> new VersionsStatement(in.checkedString("a version label in quotes, like 'reviews-train'",
                    VersionRef::checkLabel), at));

    @Override
    public Object run(StatementContext context) {
        return context.workspace().versions(label);
    }
}
