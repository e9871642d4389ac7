package dev.assay.kernel.java;

import dev.assay.dsl.lang.StatementRegistry;
import dev.assay.kernel.exec.CellError;
import dev.assay.kernel.exec.SourceExcerpt;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * Java cells on JShell, in this JVM: evaluation with values kept as objects, errors mapped to
 * cell lines, completion, inspection and the is-complete check. Not thread-safe: the cell
 * executor calls it from its one thread; only {@link #stop()} may come from another.
 */
public final class JavaEvaluator implements AutoCloseable {

    /** Imports every session starts with, as JShell's own default startup plus the notebook API. */
    static final List<String> DEFAULT_IMPORTS = Stream.concat(Stream.of(
            "java.io.*", "java.math.*", "java.net.*", "java.nio.file.*", "java.time.*",
            "java.util.*", "java.util.concurrent.*", "java.util.function.*", "java.util.regex.*",
            "java.util.stream.*", "static dev.assay.kernel.api.Notebook.*", "dev.assay.viz.report.ReportPage"),
            // the Java API of every statement of the language (Match, SplitPlan, DriftPlan, Measure, ...)
            StatementRegistry.builtIn().javaApi().stream().map(Class::getName)).toList();

    /** Variables every session starts with. */
    static final String PREDEFINED =
            "dev.assay.dsl.workspace.Workspace assay = dev.assay.kernel.api.Notebook.workspace();";

    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final CellExecutionProvider provider;
    private final SnippetSplitter splitter;
    private final JavaCompletion completion;
    private final TracebackFormatter tracebacks = new TracebackFormatter();

    private JavaEvaluator(JShell shell, CellExecutionProvider provider) {
        this.shell = shell;
        this.analysis = shell.sourceCodeAnalysis();
        this.provider = provider;
        this.splitter = new SnippetSplitter(analysis);
        this.completion = new JavaCompletion(analysis, splitter);
    }

    /** Starts JShell with this JVM's class path visible to snippets and the default imports. */
    public static JavaEvaluator start(PrintStream log) {
        CellExecutionProvider provider = new CellExecutionProvider();
        JShell shell = JShell.builder()
                .executionEngine(provider, Map.of())
                .in(new ByteArrayInputStream(new byte[0]))
                .out(log)
                .err(log)
                .build();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                shell.addToClasspath(entry);
            }
        }
        JavaEvaluator evaluator = new JavaEvaluator(shell, provider);
        String imports = DEFAULT_IMPORTS.stream().map(i -> "import " + i + ";").collect(Collectors.joining("\n"));
        for (SourceSlice slice : evaluator.splitter.split(imports + "\n" + PREDEFINED)) {
            shell.eval(slice.source());
        }
        return evaluator;
    }

    /** Compiles and runs a snippet nobody sees, so that the first real cell is not the slow one. */
    public void warmUp() {
        shell.eval("String.valueOf(1 + 1)");
        shell.drop(shell.snippets().reduce((a, b) -> b).orElseThrow());
    }

    /** Evaluates a cell; the value is the last snippet's when that is an expression. */
    public JavaResult eval(String code, String cellLabel) {
        CellText cell = new CellText(code);
        CellExecutionControl control = provider.control();
        control.clearStop();
        List<String> notes = new ArrayList<>();
        Optional<ConstantSizeCheck.Oversized> oversized = ConstantSizeCheck.find(code);
        if (oversized.isPresent()) {
            return JavaResult.failed(oversizedLiteral(oversized.get(), cell, cellLabel), notes);
        }
        List<Temporary> temporaries = new ArrayList<>();
        try {
            return evalSlices(splitter.split(code), cell, cellLabel, control, notes, temporaries);
        } finally {
            temporaries.forEach(this::release);
        }
    }

    private JavaResult evalSlices(List<SourceSlice> slices, CellText cell, String cellLabel,
                                  CellExecutionControl control, List<String> notes, List<Temporary> temporaries) {
        Object value = null;
        boolean hasValue = false;
        for (int i = 0; i < slices.size(); i++) {
            SourceSlice slice = slices.get(i);
            List<SnippetEvent> events = shell.eval(slice.source());
            hasValue = false;
            for (SnippetEvent event : events) {
                if (event.causeSnippet() != null) {
                    invalidatedNote(event).ifPresent(notes::add);
                    continue;
                }
                Snippet snippet = event.snippet();
                if (isTemporary(snippet)) {
                    temporaries.add(new Temporary(snippet, control.lastWrapper()));
                }
                tracebacks.remember(snippet.id(), cellLabel, cell.lineOf(slice.start()));
                if (control.lastStopped()) {
                    return JavaResult.failed(interrupted(cellLabel, cell.lineOf(slice.start())), notes);
                }
                if (event.status() == Snippet.Status.REJECTED) {
                    return JavaResult.failed(compileError(snippet, slice, cell, cellLabel), notes);
                }
                if (failedWithoutMissingNames(event)) {
                    CellError error = compileError(snippet, slice, cell, cellLabel);
                    shell.drop(snippet); // left in place, every later snippet would fail to compile
                    return JavaResult.failed(error, notes);
                }
                if (event.exception() != null) {
                    return JavaResult.threw(control.lastFailure(), runtimeError(event.exception()), notes);
                }
                if (event.status() == Snippet.Status.RECOVERABLE_DEFINED
                        || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                    notes.add(unresolvedNote(snippet));
                }
                if (isValue(snippet)) {
                    hasValue = true;
                    value = control.lastValue();
                }
            }
        }
        return new JavaResult(hasValue, hasValue ? value : null, null, null, notes);
    }

    public void addToClasspath(Path path) {
        shell.addToClasspath(path.toString());
    }

    /**
     * JShell's class loader: it loads the snippets and the jars added to the class path, so
     * extensions in those jars are found through it (the kernel's loader until a snippet ran).
     */
    public ClassLoader classLoader() {
        Class<?> wrapper = provider.control().lastWrapper();
        return wrapper != null ? wrapper.getClassLoader() : JavaEvaluator.class.getClassLoader();
    }

    /** Stops the running snippet; safe to call from any thread. */
    public void stop() {
        shell.stop();
    }

    public Completion complete(String code, int cursor) {
        return completion.complete(code, cursor);
    }

    /**
     * Signatures and documentation of what is at the cursor. A bare method name
     * ({@code Math.max}) finds nothing in JShell without an opening parenthesis, so one is tried.
     */
    public Optional<String> inspect(String code, int cursor) {
        int start = splitter.lastUnitStart(code.substring(0, cursor));
        int end = cursor;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        String unit = code.substring(start, end);
        String variable = variableAt(unit);
        if (variable != null) {
            return Optional.of(variable);
        }
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(unit, unit.length(), true);
        if (docs.isEmpty()) {
            docs = analysis.documentation(unit + "(", unit.length() + 1, true);
        }
        if (docs.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        for (SourceCodeAnalysis.Documentation doc : docs) {
            text.append(doc.signature()).append('\n');
            if (doc.javadoc() != null && !doc.javadoc().isBlank()) {
                text.append(doc.javadoc().strip()).append("\n\n");
            }
        }
        return Optional.of(text.toString().strip());
    }

    /** The protocol's is_complete status: complete, incomplete or invalid. */
    public String completeness(String code) {
        String remaining = code;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            Completeness c = info.completeness();
            if (c == Completeness.DEFINITELY_INCOMPLETE || c == Completeness.CONSIDERED_INCOMPLETE) {
                return "incomplete";
            }
            if (c == Completeness.UNKNOWN) {
                return "invalid";
            }
            if (c == Completeness.EMPTY || info.remaining().length() == remaining.length()) {
                break;
            }
            remaining = info.remaining();
        }
        return "complete";
    }

    @Override
    public void close() {
        shell.close();
    }

    /**
     * The value of the session's Java variable {@code name} as text: a String's characters
     * (not its Java literal), anything else as JShell shows it; empty when there is none.
     */
    public Optional<String> variableText(String name) {
        return activeVariable(name)
                .map(v -> {
                    String shown = shell.varValue(v);
                    return v.typeName().equals("String") && shown.length() >= 2 && shown.startsWith("\"") && shown.endsWith("\"")
                            ? unescape(shown.substring(1, shown.length() - 1)) : shown;
                });
    }

    /** Undoes the escapes JShell writes in a String's value ({@code \"}, {@code \\}, {@code \n}, {@code \t}, {@code \r}). */
    private static String unescape(String literal) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '\\' && i + 1 < literal.length()) {
                char next = literal.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private String variableAt(String unit) {
        int i = unit.length();
        while (i > 0 && Character.isJavaIdentifierPart(unit.charAt(i - 1))) {
            i--;
        }
        String name = unit.substring(i);
        if (name.isEmpty() || (i > 0 && unit.charAt(i - 1) == '.')) {
            return null;
        }
        return activeVariable(name)
                .map(v -> v.typeName() + " " + v.name() + " = " + shell.varValue(v))
                .orElse(null);
    }

    /** The latest live declaration of the variable {@code name}. */
    private Optional<VarSnippet> activeVariable(String name) {
        return shell.variables()
                .filter(v -> v.name().equals(name) && shell.status(v).isActive())
                .reduce((a, b) -> b);
    }

    /**
     * JShell marks a declaration "recoverable" both when it uses names not declared yet (a
     * real forward reference) and when it has an error no later declaration can fix, such as
     * a string constant over 64 KB. Only the first is worth keeping quietly.
     */
    private boolean failedWithoutMissingNames(SnippetEvent event) {
        boolean recoverable = event.status() == Snippet.Status.RECOVERABLE_DEFINED
                || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED;
        return recoverable
                && event.snippet() instanceof DeclarationSnippet declaration
                && shell.unresolvedDependencies(declaration).findAny().isEmpty()
                && shell.diagnostics(declaration).anyMatch(Diag::isError);
    }

    /**
     * An expression's value is kept by JShell as a variable {@code $N}; the kernel has taken
     * the value for the cell's result, and the name appears nowhere a user sees. Left in place,
     * each one holds its object for the rest of the session and is imported into the
     * compilation of every later snippet, so cells slow down as the session grows.
     */
    private static boolean isTemporary(Snippet snippet) {
        return snippet instanceof VarSnippet && snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    /** An expression's {@code $N} and the class whose static field holds its value. */
    private record Temporary(Snippet snippet, Class<?> wrapper) {
    }

    private void release(Temporary temporary) {
        if (shell.status(temporary.snippet()).isActive()) {
            shell.drop(temporary.snippet());
        }
        if (temporary.wrapper() != null) {
            CellExecutionControl.forgetValue(temporary.wrapper(), ((VarSnippet) temporary.snippet()).name());
        }
    }

    private static boolean isValue(Snippet snippet) {
        return snippet.kind() == Snippet.Kind.EXPRESSION
                || (snippet instanceof VarSnippet
                    && snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND);
    }

    private CellError compileError(Snippet snippet, SourceSlice slice, CellText cell, String cellLabel) {
        List<Diag> errors = shell.diagnostics(snippet).filter(Diag::isError).collect(Collectors.toList());
        if (errors.isEmpty()) {
            return CellError.of("CompilationError", "the snippet at " + cellLabel + ", line "
                    + cell.lineOf(slice.start()) + " was rejected");
        }
        List<String> traceback = new ArrayList<>();
        String evalue = null;
        for (Diag diag : errors) {
            long pos = diag.getStartPosition() >= 0 ? diag.getStartPosition() : diag.getPosition();
            int offset = slice.start() + (int) Math.max(0, Math.min(pos, slice.source().length()));
            int line = cell.lineOf(offset);
            int column = cell.columnOf(offset);
            String message = diag.getMessage(Locale.ENGLISH);
            String where = cellLabel + ", line " + line + ", column " + column;
            if (evalue == null) {
                evalue = where + ": " + message.lines().findFirst().orElse(message);
            }
            traceback.addAll(SourceExcerpt.pointAt("Compilation error", where, cell.line(line), column));
            // JShell's wrapper class has no name a user would know: drop "location: class ".
            message.lines().filter(l -> !l.strip().equals("location: class")).forEach(traceback::add);
        }
        return new CellError("CompilationError", evalue, traceback);
    }

    private static CellError oversizedLiteral(ConstantSizeCheck.Oversized literal, CellText cell, String cellLabel) {
        int line = cell.lineOf(literal.offset());
        int column = cell.columnOf(literal.offset());
        String where = cellLabel + ", line " + line + ", column " + column;
        String message = String.format(Locale.ROOT, "this string literal is %,d bytes; a Java class file holds "
                + "at most %,d bytes in one constant. Read long text from a file instead "
                + "(Files.readString(Path.of(...))).", literal.bytes(), ConstantSizeCheck.MAX_CONSTANT_BYTES);
        List<String> traceback = new ArrayList<>(SourceExcerpt.pointAt("Compilation error", where, cell.line(line), column));
        traceback.add(message);
        return new CellError("CompilationError", where + ": " + message, traceback);
    }

    private CellError runtimeError(JShellException exception) {
        if (exception instanceof UnresolvedReferenceException unresolved) {
            String message = unresolvedNote(unresolved.getSnippet());
            return CellError.of("UnresolvedReferenceException", message);
        }
        EvalException first = (EvalException) exception;
        List<String> traceback = new ArrayList<>();
        Throwable current = first;
        String prefix = "";
        while (current != null) {
            String name = current instanceof EvalException e ? e.getExceptionClassName() : current.getClass().getName();
            String message = current.getMessage();
            traceback.add(prefix + "\u001b[31m" + name + "\u001b[0m" + (message == null ? "" : ": " + message));
            traceback.addAll(tracebacks.frames(current.getStackTrace()));
            current = current.getCause();
            prefix = "Caused by: ";
        }
        String message = first.getMessage();
        return new CellError(first.getExceptionClassName(), message == null ? "" : message, traceback);
    }

    /**
     * A declaration that this cell broke (an import that makes {@code List} ambiguous, say):
     * without a note the user only learns of it later, from a baffling "cannot find symbol".
     */
    private static Optional<String> invalidatedNote(SnippetEvent event) {
        boolean wasUsable = event.previousStatus() == Snippet.Status.VALID;
        boolean isUsable = event.status() == Snippet.Status.VALID || event.status() == Snippet.Status.OVERWRITTEN;
        if (!wasUsable || isUsable || !(event.snippet() instanceof DeclarationSnippet declaration)) {
            return Optional.empty();
        }
        String cause = event.causeSnippet().source().strip().lines().findFirst().orElse("");
        return Optional.of(declaration.name() + " can no longer be used: `" + cause
                + "` changed what its declaration refers to; declare it again");
    }

    private String unresolvedNote(Snippet snippet) {
        if (!(snippet instanceof DeclarationSnippet declaration)) {
            return snippet.source() + " refers to something not yet declared";
        }
        String missing = shell.unresolvedDependencies(declaration).collect(Collectors.joining(", "));
        return declaration.name() + " is declared, but cannot be used until "
                + (missing.isEmpty() ? "its errors are fixed" : missing + " is declared");
    }

    private static CellError interrupted(String cellLabel, int line) {
        return new CellError("InterruptedException", "the cell was interrupted",
                List.of("\u001b[31mInterrupted\u001b[0m: " + cellLabel + " was stopped near line " + line
                        + " by an interrupt request; the session's state is kept."));
    }
}
