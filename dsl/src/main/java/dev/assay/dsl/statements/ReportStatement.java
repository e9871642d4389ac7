package dev.assay.dsl.statements;

import dev.assay.dsl.labels.LabelsPlan;
import dev.assay.dsl.lang.Position;
import dev.assay.dsl.lang.Statement;
import dev.assay.dsl.lang.StatementContext;
import dev.assay.dsl.lang.StatementSyntax;
import dev.assay.dsl.lang.StatementType;
import dev.assay.dsl.lang.StatementType.Binding;
import dev.assay.dsl.lang.StatementType.Completion;
import dev.assay.dsl.report.QualityReport;
import dev.assay.dsl.workspace.Dataset;
import dev.assay.dsl.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code report NAME [vs NAME] [labels LABEL] [to 'file.html']}: the quality report (with
 * {@code labels}, a section on that label column as {@code labels NAME on LABEL [vs NAME]} shows
 * it), shown, and with {@code to} written as a page through the context's {@code ReportWriter}.
 */
public record ReportStatement(String dataset, String versus, String label, String to, Position position) implements Statement {

    public static final StatementType TYPE = new StatementSyntax("report", Binding.NONE,
            "report NAME [vs NAME] [labels LABEL] [to 'report.html']",
            Completion.ofDataset("vs", "labels", "to").datasetAfter("vs").columnsAfter("labels"), List.of(),
            (in, targets, at) -> {
                String dataset = in.name("a dataset name");
                String versus = in.acceptWord("vs") ? in.name("the dataset to compare with") : null;
                String label = in.acceptWord("labels") ? in.name("the label column") : null;
                String to = in.acceptWord("to") ? in.string("a file name in quotes, like 'report.html'") : null;
                return new ReportStatement(dataset, versus, label, to, at);
            });

    @Override
    public Object run(StatementContext context) {
        Workspace ws = context.workspace();
        Dataset shown = ws.dataset(dataset);
        // Where it goes is checked before the costly part, and again when it is written.
        Path file = to == null ? null : ws.outputRule().resolve(to);
        Dataset other = versus == null ? null : ws.dataset(versus);
        QualityReport report = label != null ? shown.report(other, LabelsPlan.on(label))
                : other == null ? shown.report() : shown.report(other);
        if (file == null) {
            return report;
        }
        try {
            return context.reportWriter().write(report.to(file));
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            throw new UncheckedIOException("cannot write the report (" + reason + ")", e);
        }
    }
}
