package dev.assay.dsl.statements;

import dev.assay.dsl.labels.LabelsPlan;
import dev.assay.dsl.lang.ParseException;
import dev.assay.dsl.lang.Position;
import dev.assay.dsl.lang.Statement;
import dev.assay.dsl.lang.StatementContext;
import dev.assay.dsl.lang.StatementSyntax;
import dev.assay.dsl.lang.StatementType;
import dev.assay.dsl.lang.StatementType.Binding;
import java.util.List;

/**
 * {@code NAME = conflicts NAME on LABEL [by COLS [normalize]] [near T]}: the rows of every group
 * of equal features and differing labels, with the group's number and majority label.
 */
public record ConflictsStatement(String target, String dataset, LabelsPlan plan, Position position) implements Statement {

    public static final StatementType TYPE = new StatementSyntax("conflicts", Binding.ONE,
            "NAME = conflicts NAME on LABEL [by COLUMNS [normalize]] [near 0.8]", LabelsStatement.ABOUT_LABEL,
            List.of(LabelsPlan.class), (in, targets, at) -> {
                String dataset = in.name("a dataset name");
                LabelsPlan plan = LabelsStatement.plan(in);
                if (plan.vs() != null) {
                    throw new ParseException(in.previous().position(), "conflicts takes no 'vs " + plan.vs()
                            + "': its rows come from one dataset (use labels " + dataset + " on " + plan.label() + " vs "
                            + plan.vs() + " to compare the labels)");
                }
                return new ConflictsStatement(targets.get(0), dataset, plan, at);
            });

    @Override
    public Object run(StatementContext context) {
        // Shows the new dataset's first rows, as a %%sql NAME cell shows its table.
        return context.workspace().dataset(dataset).conflicts(target, plan).show();
    }
}
