package dev.assay.dsl.lang;

import dev.assay.dsl.report.ReportWriter;
import dev.assay.dsl.workspace.Workspace;

/**
 * What a statement runs against: the session's workspace, and how a report's page is
 * written (drawn by the rendering layer, which this module does not know).
 */
public record StatementContext(Workspace workspace, ReportWriter reportWriter) {
}
