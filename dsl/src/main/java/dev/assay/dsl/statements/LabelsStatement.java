package dev.assay.dsl.statements;

import dev.assay.dsl.duplicates.Match;
import dev.assay.dsl.labels.LabelsPlan;
import dev.assay.dsl.lang.Position;
import dev.assay.dsl.lang.Statement;
import dev.assay.dsl.lang.StatementContext;
import dev.assay.dsl.lang.StatementReader;
import dev.assay.dsl.lang.StatementSyntax;
import dev.assay.dsl.lang.StatementType;
import dev.assay.dsl.lang.StatementType.Binding;
import dev.assay.dsl.lang.StatementType.Completion;
import java.util.List;
import java.util.Map;

/** {@code labels NAME on LABEL [by COLS [normalize]] [near T] [vs OTHER]}: classes, conflicts, leaking columns. */
public record LabelsStatement(String dataset, LabelsPlan plan, Position position) implements Statement {

    /** Where completion offers what in a statement about a label. */
    static final Completion ABOUT_LABEL = Completion.ofDataset("on", "by", "normalize", "near", "vs")
            .columnsAfter("on", "by").datasetAfter("vs");

    public static final StatementType TYPE = new StatementSyntax("labels", Binding.NONE,
            "labels NAME on LABEL [by COLUMNS [normalize]] [near 0.8] [vs NAME]", ABOUT_LABEL, List.of(LabelsPlan.class),
            (in, targets, at) -> {
                String dataset = in.name("a dataset name");
                return new LabelsStatement(dataset, plan(in), at);
            });

    /** {@code on LABEL} and the clauses after it, as {@code labels} and {@code conflicts} write them. */
    static LabelsPlan plan(StatementReader in) {
        in.expectWord("on");
        String label = in.name("the label column");
        String[] vs = {null};
        Match features = in.matchClauses("by", Map.of("vs", () -> vs[0] = in.name("the dataset to compare with")));
        LabelsPlan plan = LabelsPlan.on(label).by(features);
        return vs[0] == null ? plan : plan.vs(vs[0]);
    }

    @Override
    public Object run(StatementContext context) {
        return context.workspace().dataset(dataset).labels(plan);
    }
}
