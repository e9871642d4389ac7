package dev.assay.kernel.exec;

/** What a magic may use of the cell it runs in. */
public interface CellContext {

    OutputSink out();

    /** "Cell In[7]": how errors name this cell. */
    String label();

    /** Runs Java as the cell's code would run (its last expression becomes the result). */
    CellError runJava(String code);
}
