package dev.assay.kernel.exec.magic;

import dev.assay.dsl.engine.QueryCancelledException;
import dev.assay.dsl.engine.SqlException;
import dev.assay.dsl.engine.TablePreview;
import dev.assay.kernel.exec.CellContext;
import dev.assay.kernel.exec.CellError;
import dev.assay.kernel.exec.OperationProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code %%sql [NAME]}: runs the cell as DuckDB SQL in the session's database. The rows of
 * the last statement become the dataset NAME (or {@code _}) and are shown as a table.
 */
final class SqlMagic implements Magic {

    @Override
    public String name() {
        return "sql";
    }

    @Override
    public String help() {
        return "run DuckDB SQL; %%sql NAME keeps the result as dataset NAME";
    }

    @Override
    public boolean isCellMagic() {
        return true;
    }

    @Override
    public CellError run(String args, String body, CellContext context) {
        String[] words = args.isBlank() ? new String[0] : args.strip().split("\\s+");
        if (words.length > 1) {
            return CellError.of("UsageError", "%%sql takes at most one name, got: " + args.strip());
        }
        String name = words.length == 1 ? words[0] : null;
        if (body.isBlank()) {
            return CellError.of("UsageError", "%%sql needs SQL on the lines after it");
        }
        Optional<TablePreview> rows;
        try (var progress = context.progress(OperationProgress.describe(body))) {
            rows = context.workspace().sql(body, name);
            progress.succeeded();
        } catch (IllegalArgumentException e) {
            return CellError.of("UsageError", "%%sql " + e.getMessage());
        } catch (QueryCancelledException e) {
            return new CellError("InterruptedException", "the query was cancelled",
                    List.of("Interrupted: the SQL query of " + context.label() + " was cancelled; the session is intact."));
        } catch (SqlException e) {
            return sqlError(e.getMessage(), context.label());
        }
        rows.ifPresent(context::result);
        return null;
    }

    private static CellError sqlError(String message, String label) {
        String first = message.lines().findFirst().orElse(message);
        List<String> traceback = new ArrayList<>();
        traceback.add("\u001b[31mSQL error\u001b[0m in " + label + ":");
        message.lines().forEach(traceback::add);
        return new CellError("SqlError", first, traceback);
    }

}
