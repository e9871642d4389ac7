package dev.assay.dsl.lang;

import dev.assay.dsl.report.ReportWriter;
import dev.assay.dsl.workspace.Workspace;

/** Runs parsed statements against a workspace and returns what each shows. */
public final class Interpreter {

    private final StatementContext context;

    /** For a session that draws no pages: {@code report ... to} places the report without writing it. */
    public Interpreter(Workspace workspace) {
        this(workspace, ReportWriter.NONE);
    }

    public Interpreter(Workspace workspace, ReportWriter reportWriter) {
        this.context = new StatementContext(workspace, reportWriter);
    }

    /** The statement's result: a value the renderer registry knows how to show. */
    public Object run(Statement statement) {
        return statement.run(context);
    }
}
