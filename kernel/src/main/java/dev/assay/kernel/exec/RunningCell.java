package dev.assay.kernel.exec;

import dev.assay.dsl.check.CheckFailedException;
import dev.assay.dsl.workspace.Workspace;
import dev.assay.kernel.api.DisplayHandle;
import dev.assay.kernel.exec.magic.Magic;
import dev.assay.kernel.exec.magic.MagicRegistry;
import dev.assay.kernel.java.JavaResult;
import dev.assay.viz.MimeBundle;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** One running cell: its magics first, then its Java; what a magic may use of it is {@link CellContext}. */
final class RunningCell implements CellContext {

    private final OutputSink out;
    private final int count;
    private final String label;
    private final CellServices session;
    private final Map<String, String> parameters;
    private final BooleanSupplier interrupted;
    private MimeBundle pendingResult;
    private String resultText;

    /** {@code interrupted} says whether an interrupt was asked since the cell started. */
    RunningCell(OutputSink out, int count, CellServices session, Map<String, String> parameters,
            BooleanSupplier interrupted) {
        this.out = out;
        this.count = count;
        this.label = "Cell In[" + count + "]";
        this.session = session;
        this.parameters = parameters;
        this.interrupted = interrupted;
    }

    @Override
    public OutputSink out() {
        return out;
    }

    @Override
    public String label() {
        return label;
    }

    /** The plain text of the result the cell showed, if any (for history). */
    String resultText() {
        return resultText;
    }

    /** Runs the cell; its result is shown last, after whatever a magic printed about it. */
    CellError run(String code) throws Exception {
        CellError error = dispatch(code);
        if (error == null && pendingResult != null && !interrupted.getAsBoolean()) {
            resultText = pendingResult.plainText();
            out.executeResult(count, pendingResult);
        }
        return error;
    }

    private CellError dispatch(String code) throws Exception {
        Optional<CellMagicLine> cellMagic = CellMagicLine.of(code);
        if (cellMagic.isPresent()) {
            return runMagic(cellMagic.get().line(), cellMagic.get().body(code));
        }
        String rest = code;
        String stripped = rest.stripLeading();
        // Leading %name lines are line magics; Java never starts a line with %.
        while (stripped.startsWith("%")) {
            int eol = stripped.indexOf('\n');
            String line = eol < 0 ? stripped : stripped.substring(0, eol);
            CellError error = runMagic(line, null);
            if (error != null) {
                return error;
            }
            rest = eol < 0 ? "" : stripped.substring(eol + 1);
            stripped = rest.stripLeading();
        }
        return rest.isBlank() ? null : runJava(rest);
    }

    private CellError runMagic(String line, String body) throws Exception {
        String[] parts = line.strip().split("\\s+", 2);
        Optional<Magic> magic = session.magics().find(parts[0]);
        if (magic.isEmpty()) {
            return session.magics().unknown(parts[0]);
        }
        return magic.get().run(parts.length > 1 ? parts[1] : "", body, this);
    }

    @Override
    public OperationProgress progress(String what) {
        return session.progressBars().start(out, what, false);
    }

    @Override
    public CellError runJava(String code) {
        JavaResult result;
        // A Java cell gets a bar only while it waits on a query (dataset operations from Java).
        try (OperationProgress progress = session.progressBars().start(out, OperationProgress.describe(code), true)) {
            result = session.java().evaluator().eval(code, label);
            if (result.error() == null) {
                progress.succeeded();
            }
        }
        for (String note : result.notes()) {
            out.stream("stderr", "note: " + note + "\n");
        }
        if (result.error() != null) {
            if (result.thrown() instanceof CheckFailedException failed) {
                display(failed.result()); // every rule's value first, as %%assay shows it
            }
            return result.error();
        }
        if (result.hasValue() && !(result.value() instanceof DisplayHandle)) {
            result(result.value());
        }
        return null;
    }

    @Override
    public void result(Object value) {
        pendingResult = session.renderers().render(value);
    }

    @Override
    public void display(Object value) {
        out.display(session.renderers().render(value), null);
    }

    @Override
    public Workspace workspace() {
        return session.workspace();
    }

    @Override
    public Optional<String> parameter(String name) {
        String given = parameters.get(name);
        return given != null ? Optional.of(given) : session.java().evaluator().variableText(name);
    }

    @Override
    public void addToClasspath(Path path) {
        session.java().evaluator().addToClasspath(path);
    }

    @Override
    public List<String> loadExtensions() {
        return session.extensions().load(session.java().evaluator().classLoader());
    }

    @Override
    public MagicRegistry magics() {
        return session.magics();
    }
}
