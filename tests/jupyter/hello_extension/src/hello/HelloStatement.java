package hello;

import dev.assay.dsl.lang.Position;
import dev.assay.dsl.lang.Statement;
import dev.assay.dsl.lang.StatementContext;
import dev.assay.dsl.lang.StatementSyntax;
import dev.assay.dsl.lang.StatementType;
import dev.assay.dsl.lang.StatementType.Binding;
import dev.assay.dsl.lang.StatementType.Completion;
import java.util.List;

/** {@code hello NAME}: a greeting, shown by {@link GreetingRenderer}. */
public record HelloStatement(String name, Position position) implements Statement {

    public static final StatementType TYPE = new StatementSyntax("hello", Binding.NONE, "hello NAME",
            Completion.ofDataset().noDatasetAfterKeyword(), List.of(),
            (in, targets, at) -> new HelloStatement(in.name("a name"), at));

    @Override
    public Object run(StatementContext context) {
        return new Greeting(name);
    }
}
