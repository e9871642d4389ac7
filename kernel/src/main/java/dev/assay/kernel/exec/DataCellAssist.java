package dev.assay.kernel.exec;

import dev.assay.dsl.lang.LanguageAssist;
import dev.assay.dsl.lang.SqlAssist;
import dev.assay.dsl.workspace.Workspace;
import dev.assay.kernel.java.Completion;
import java.util.List;
import java.util.Optional;

/**
 * Completion and inspection inside data cells: {@code %%assay} cells complete keywords,
 * dataset and column names, {@code %%sql} cells tables, columns, SQL keywords and functions
 * (see {@link SqlAssist}); {@code %%assay} and {@code %%sql} cells describe the dataset
 * under the cursor. Other cells are left to Java (an empty result means "not a data cell").
 */
final class DataCellAssist {

    private DataCellAssist() {
    }

    static Optional<Completion> complete(String code, int cursor, Workspace workspace) {
        int assay = bodyStart(code, "%%assay");
        int sql = bodyStart(code, "%%sql");
        int body = Math.max(assay, sql);
        if (body < 0 || cursor < body) {
            return Optional.empty();
        }
        try {
            String text = code.substring(body);
            LanguageAssist.Completions c = assay >= 0 ? LanguageAssist.complete(text, cursor - body, workspace)
                    : SqlAssist.complete(text, cursor - body, workspace);
            return Optional.of(new Completion(c.matches(), c.start() + body, c.end() + body));
        } catch (RuntimeException e) {
            // The engine may be busy or the data gone: no suggestions beats a failed request.
            return Optional.of(new Completion(List.of(), cursor, cursor));
        }
    }

    /** Empty when the cursor is not in a data cell; else the description, if the word is a dataset. */
    static Optional<Optional<String>> inspect(String code, int cursor, Workspace workspace) {
        int body = Math.max(bodyStart(code, "%%assay"), bodyStart(code, "%%sql"));
        if (body < 0 || cursor < body) {
            return Optional.empty();
        }
        try {
            return Optional.of(LanguageAssist.describe(code.substring(body), cursor - body, workspace));
        } catch (RuntimeException e) {
            return Optional.of(Optional.empty());
        }
    }

    /** Where the body of a cell made by this cell magic begins; -1 for any other cell. */
    private static int bodyStart(String code, String magic) {
        return CellMagicLine.of(code).filter(m -> m.name().equals(magic)).map(CellMagicLine::bodyStart).orElse(-1);
    }
}
