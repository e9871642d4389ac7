package dev.assay.kernel.java;

import dev.assay.kernel.exec.CellError;
import java.util.List;

/**
 * What evaluating a cell's Java gave: the value of a last expression (if it was one), or an
 * error with the exception the cell threw (null for compile errors and interrupts), plus notes
 * worth telling the user (a method that cannot run yet, say).
 */
public record JavaResult(boolean hasValue, Object value, CellError error, Throwable thrown, List<String> notes) {

    static JavaResult failed(CellError error, List<String> notes) {
        return new JavaResult(false, null, error, null, notes);
    }

    static JavaResult threw(Throwable thrown, CellError error, List<String> notes) {
        return new JavaResult(false, null, error, thrown, notes);
    }
}
