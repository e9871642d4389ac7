package dev.assay.kernel.exec;

import java.util.List;

/** A failed cell as Jupyter shows it: a name, a one-line value, and a readable traceback. */
public record CellError(String ename, String evalue, List<String> traceback) {

    public CellError {
        traceback = List.copyOf(traceback);
    }

    public static CellError of(String ename, String evalue) {
        return new CellError(ename, evalue, List.of(ename + ": " + evalue));
    }
}
