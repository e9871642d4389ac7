package dev.assay.dsl.statements;

import dev.assay.dsl.history.MetricHistory;
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

/** {@code history 'label' [on COLS]}: the metrics of every version of the label (docs/history.md). */
public record HistoryStatement(String label, List<String> columns, Position position) implements Statement {

    public static final StatementType TYPE = new StatementSyntax("history", Binding.NONE, "history 'label' [on COLUMNS]",
            new Completion(false, List.of("on"), List.of(), List.of(), List.of("history"), Map.of()),
            List.of(MetricHistory.class), HistoryStatement::read);

    private static Statement read(StatementReader in, List<String> targets, Position at) {
        String label = in.checkedString("a version label in quotes, like 'reviews-train'", VersionRef::checkLabel);
        return new HistoryStatement(label, in.optionalColumns("on"), at);
    }

    @Override
    public Object run(StatementContext context) {
        return context.workspace().history(label, columns);
    }
}
