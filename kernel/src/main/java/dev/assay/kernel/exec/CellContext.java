package dev.assay.kernel.exec;

import dev.assay.dsl.workspace.Workspace;
import dev.assay.kernel.exec.magic.MagicRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What a magic may use of the cell it runs in. */
public interface CellContext {

    OutputSink out();

    /** "Cell In[7]": how errors name this cell. */
    String label();

    /** Runs Java as the cell's code would run (its last expression becomes the result). */
    CellError runJava(String code);

    /** Makes a jar or class folder visible to the cells that follow. */
    void addToClasspath(Path path);

    /**
     * Registers the extensions that jars added to the class path bring (see
     * docs/architecture.md, "Extensions"); a line per extension saying what it registered or why it failed.
     */
    List<String> loadExtensions();

    /** The session's magics. */
    MagicRegistry magics();

    /** Shows {@code value} now, before the cell ends. */
    void display(Object value);

    /**
     * Starts the progress bar of an operation of this cell (shown once it has run about a
     * second); close it when the operation ends, after {@code succeeded()} if it did.
     */
    OperationProgress progress(String what);

    /** Makes {@code value} the cell's result, shown when the cell ends. */
    void result(Object value);

    /**
     * What {@code $NAME} stands for in a {@code %%assay} cell: the raw text of the run's
     * parameter NAME, else the value of the Java variable NAME (a parameters cell's default).
     */
    Optional<String> parameter(String name);

    /** The session's data workspace (its database opens on first use). */
    Workspace workspace();
}
