package dev.assay.kernel.exec.magic;

import dev.assay.dsl.check.CheckFailedException;
import dev.assay.dsl.engine.QueryCancelledException;
import dev.assay.dsl.engine.SqlException;
import dev.assay.dsl.lang.Interpreter;
import dev.assay.dsl.lang.ParseException;
import dev.assay.dsl.lang.Parser;
import dev.assay.dsl.lang.Statement;
import dev.assay.dsl.lang.StatementRegistry;
import dev.assay.dsl.load.LoadException;
import dev.assay.dsl.store.StoreException;
import dev.assay.kernel.exec.CellContext;
import dev.assay.kernel.exec.CellError;
import dev.assay.kernel.exec.OperationProgress;
import dev.assay.kernel.exec.SourceExcerpt;
import dev.assay.kernel.install.SparkJvmFlags;
import dev.assay.viz.report.ReportPage;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code %%assay}: the data language. The whole cell is parsed before anything runs, so a
 * typo on line 5 does not leave lines 1-4 half done; each statement's result is shown, the
 * last one as the cell's result.
 */
final class AssayMagic implements Magic {

    @Override
    public String name() {
        return "assay";
    }

    @Override
    public String help() {
        return "the Assay data language: " + String.join(", ", StatementRegistry.builtIn().keywords());
    }

    @Override
    public boolean isCellMagic() {
        return true;
    }

    @Override
    public CellError run(String args, String body, CellContext context) {
        List<Statement> statements;
        String written = body;
        try {
            body = substituteParameters(body, context);
        } catch (UnknownParameter e) {
            return located("ParseError", e.getMessage(), e.line, e.column, written, context.label());
        }
        try {
            statements = Parser.parse(body);
        } catch (ParseException e) {
            return located("ParseError", e.detail(),
                    e.position().line(), e.position().column(), body, context.label());
        }
        Interpreter interpreter = new Interpreter(context.workspace(), ReportPage::writeAndShow);
        for (int i = 0; i < statements.size(); i++) {
            Statement statement = statements.get(i);
            Object result;
            String source = body.split("\n", -1)[statement.position().line() - 1];
            try (var progress = context.progress(OperationProgress.describe(source))) {
                result = interpreter.run(statement);
                progress.succeeded();
            } catch (QueryCancelledException e) {
                return CellError.of("InterruptedException", "the statement was cancelled");
            } catch (CheckFailedException e) {
                context.display(e.result()); // every rule's value first, then the failure
                return located("CheckFailed", e.getMessage(), statement.position().line(), statement.position().column(),
                        body, context.label());
            } catch (ParseException e) {
                return located("AssayError", e.detail(),
                        e.position().line(), e.position().column(), body, context.label());
            } catch (LoadException | SqlException | StoreException | IllegalArgumentException
                     | UncheckedIOException e) {
                String message = e.getMessage().replaceFirst("^line \\d+, column \\d+: ", "")
                        + SparkJvmFlags.explain(e).map(hint -> "; " + hint).orElse("");
                return located("AssayError", message, statement.position().line(), statement.position().column(),
                        body, context.label());
            }
            if (i == statements.size() - 1) {
                context.result(result);
            } else {
                context.display(result);
            }
        }
        return null;
    }

    private static final Pattern PARAMETER = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");

    /**
     * {@code $NAME} replaced by the raw text of parameter NAME everywhere, quoted strings
     * included (README, "Command line": parameters), so {@code load '$DATA'} takes the path a run was given. A name that
     * is neither a parameter nor a Java variable stops at its line and column.
     */
    private static String substituteParameters(String body, CellContext context) {
        String[] lines = body.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int line = i + 1;
            String text = lines[i];
            // columns count code points, as the language's own positions do
            lines[i] = PARAMETER.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                    context.parameter(m.group(1)).orElseThrow(() -> new UnknownParameter(line,
                            text.codePointCount(0, m.start()) + 1, m.group(1)))));
        }
        return String.join("\n", lines);
    }

    /** A {@code $NAME} with nothing to stand for. */
    private static final class UnknownParameter extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        UnknownParameter(int line, int column, String name) {
            super("no parameter or Java variable '" + name + "' for $" + name + " (give it with assay run -p " + name
                    + "=VALUE, or declare it in a Java cell)", null, false, false);
            this.line = line;
            this.column = column;
        }
    }

    /** An error at a line of the body, reported at its line in the cell (the magic is line 1). */
    private static CellError located(String ename, String message, int bodyLine, int column, String body, String label) {
        int cellLine = bodyLine + 1;
        String where = label + ", line " + cellLine + ", column " + column;
        String[] lines = body.split("\n", -1);
        String source = bodyLine - 1 < lines.length ? lines[bodyLine - 1] : "";
        List<String> traceback = new ArrayList<>(SourceExcerpt.pointAt(ename, where, source, column));
        traceback.add(message);
        return new CellError(ename, where + ": " + message, traceback);
    }
}
