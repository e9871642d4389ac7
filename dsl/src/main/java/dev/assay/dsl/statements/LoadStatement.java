package dev.assay.dsl.statements;

import dev.assay.dsl.lang.ParseException;
import dev.assay.dsl.lang.Position;
import dev.assay.dsl.lang.Statement;
import dev.assay.dsl.lang.StatementContext;
import dev.assay.dsl.lang.StatementReader;
import dev.assay.dsl.lang.StatementSyntax;
import dev.assay.dsl.lang.StatementType;
import dev.assay.dsl.lang.StatementType.Binding;
import dev.assay.dsl.lang.StatementType.Completion;
import dev.assay.dsl.store.VersionRef;
import java.util.List;
import java.util.Map;

/** {@code NAME = load 'path' [with (...)]} and {@code NAME = load pin 'label@N'}. */
public record LoadStatement(String target, String path, boolean pin, Map<String, Object> options, Position position)
        implements Statement {

    public static final StatementType TYPE = new StatementSyntax("load", Binding.ONE,
            "NAME = load 'path' [with (delimiter='\\t', header=true, ...)]  or  NAME = load pin 'label[@N]'",
            new Completion(false, List.of("with"), List.of(), List.of(), List.of("pin"), Map.of()), List.of(),
            LoadStatement::read);

    private static Statement read(StatementReader in, List<String> targets, Position at) {
        boolean pin = in.acceptWord("pin");
        String path = pin ? in.checkedString("a version label in quotes, like 'reviews-train@2'", VersionRef::parse)
                : in.string("a path in quotes, like 'data/reviews.csv'");
        Map<String, Object> options = Map.of();
        if (in.acceptWord("with")) {
            if (pin) {
                throw new ParseException(in.previous().position(), "a pinned version takes no options");
            }
            options = in.options(null);
        }
        return new LoadStatement(targets.get(0), path, pin, options, at);
    }

    @Override
    public Object run(StatementContext context) {
        return pin ? context.workspace().loadPin(path, target) : context.workspace().load(path, target, options);
    }
}
