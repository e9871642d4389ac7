package dev.assay.kernel.java;

import dev.assay.kernel.exec.CellError;
import java.util.List;

/**
 * What evaluating a cell's Java gave: the value of a last expression (if it was one),
 * or an error, plus notes worth telling the user (a method that cannot run yet, say). With an
 * error, {@code value} is what the failure carries to show before it (a failed check's result), or null.
 */
public record JavaResult(boolean hasValue, Object value, CellError error, List<String> notes) {

    static JavaResult failed(CellError error, List<String> notes) {
        return new JavaResult(false, null, error, notes);
    }

    static JavaResult failedShowing(Object shown, CellError error, List<String> notes) {
        return new JavaResult(false, shown, error, notes);
    }
}
