package dev.assay.kernel.exec;

import dev.assay.viz.MimeBundle;
import java.util.Map;

/**
 * How a cell ended. {@code error} is null when it succeeded. {@code userExpressions} maps
 * each requested name to its bundle or to its error.
 */
public record ExecuteOutcome(int executionCount, CellError error, Map<String, ExpressionValue> userExpressions) {

    public boolean ok() {
        return error == null;
    }

    /** The result of evaluating one user expression. */
    public record ExpressionValue(MimeBundle bundle, CellError error) {
    }
}
