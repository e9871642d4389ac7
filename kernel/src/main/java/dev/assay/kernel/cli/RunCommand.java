package dev.assay.kernel.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.dsl.engine.EngineProvider;
import dev.assay.dsl.workspace.Workspace;
import dev.assay.kernel.exec.CellExecutor;
import dev.assay.kernel.exec.ExitGuard;
import dev.assay.kernel.exec.StreamCapture;
import dev.assay.kernel.extension.SessionExtensions;
import dev.assay.kernel.install.SparkJar;
import dev.assay.kernel.install.SparkJvmFlags;
import dev.assay.kernel.notebook.FileCheckpoint;
import dev.assay.kernel.notebook.NotebookFormatException;
import dev.assay.kernel.notebook.NotebookHtml;
import dev.assay.kernel.notebook.NotebookParameters;
import dev.assay.kernel.notebook.NotebookRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code assay run NOTEBOOK [-o OUT] [--html PAGE] [-p NAME=VALUE ...] [--timeout SECONDS] [--with-spark]}:
 * executes a notebook headless and writes it executed (and as an HTML page), also after a
 * failure. Exit 0 when every cell succeeded, 1 when one failed (or ran past the timeout), 2 for
 * bad arguments or a notebook that could not be read or written. Cells see the notebook's
 * directory as their working directory, as they do in Jupyter. The notebook is saved before
 * each cell, so a process that dies leaves the cells that ran; its exit status is the OS's
 * (128 + the signal), and a run that outlives it (see {@link DiedRun}) says so.
 */
@Command(name = "run", description = "Execute a notebook headless and write the executed notebook.")
final class RunCommand implements Callable<Integer> {

    static final int CELL_FAILED = 1;
    static final int BAD_INPUT = 2;
    /** As a JVM ends on SIGTERM: 128 + 15. */
    static final int TERMINATED = 143;

    @Parameters(paramLabel = "NOTEBOOK", description = "the .ipynb file to execute")
    Path notebook;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.ipynb",
            description = "where to write the executed notebook (default: NAME.out.ipynb beside it)")
    Path output;

    @Option(names = "--html", paramLabel = "OUT.html",
            description = "also write the executed notebook as one self-contained HTML page")
    Path html;

    @Option(names = {"-p", "--parameter"}, paramLabel = "NAME=VALUE",
            description = "a parameter, injected after the cell tagged 'parameters' (typed: integer, decimal, "
                    + "true/false, else text) and $NAME in %%assay cells; repeatable")
    List<String> parameters = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "interrupt and fail a cell that runs longer than this")
    Double timeoutSeconds;

    @Option(names = "--engine", paramLabel = "NAME",
            description = "the SQL engine of the run, by name (default: $ASSAY_ENGINE, else duckdb)")
    String engine;

    /** With {@code --with-spark} the run goes on in a child JVM that has the Spark jar and flags. */
    @Mixin
    SparkOptions spark;

    /** Set on the child process that already runs in the notebook's directory. */
    @Option(names = "--in-notebook-dir", hidden = true)
    boolean inNotebookDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        NotebookParameters given;
        try {
            given = NotebookParameters.parse(parameters);
        } catch (IllegalArgumentException e) {
            err.println("assay run: " + e.getMessage());
            return BAD_INPUT;
        }
        if (timeoutSeconds != null && !(timeoutSeconds > 0)) {
            err.println("assay run: --timeout must be a number of seconds above 0, got " + timeoutSeconds);
            return BAD_INPUT;
        }
        ObjectNode document;
        try {
            document = NotebookRunner.read(notebook);
        } catch (NotebookFormatException e) {
            err.println("assay run: " + e.getMessage());
            return BAD_INPUT;
        }
        WorkingDirectory.ChildJvm childJvm;
        try {
            childJvm = sparkForChild();
        } catch (IllegalArgumentException e) {
            err.println("assay run: " + e.getMessage());
            return BAD_INPUT;
        }
        Path out = (output != null ? output : defaultOutput(notebook)).toAbsolutePath();
        Path notebookDir = notebook.toAbsolutePath().getParent();
        boolean elsewhere = !inNotebookDir && !notebookDir.equals(Path.of("").toAbsolutePath());
        if (elsewhere || !childJvm.equals(WorkingDirectory.ChildJvm.SAME)) {
            WorkingDirectory.ChildExit child = WorkingDirectory.rerunIn(notebookDir, childJvm, childArguments());
            if (!child.cancelledHere() && DiedRun.isDeath(child.code())) {
                new DiedRun(child.code(), out, html == null ? null : html.toAbsolutePath(),
                        notebook.getFileName().toString()).report(err);
            }
            return child.code();
        }
        if (inNotebookDir) {
            endWithTheRunThatStartedThisOne();
        }
        if (!given.isEmpty()) {
            given.injectInto(document);
        }
        SessionExtensions extensions = SessionStart.extensions(err);
        EngineProvider engineProvider;
        try {
            engineProvider = SessionStart.engine(extensions, engine);
        } catch (IllegalArgumentException e) {
            err.println("assay run: " + e.getMessage());
            return BAD_INPUT;
        }
        // Written once before anything runs: an output that cannot be written fails the run
        // at once, and a run that dies in its first cell still leaves a notebook saying so.
        NotebookRunner.prepare(document);
        try {
            NotebookRunner.write(document, out);
        } catch (IOException e) {
            err.println("assay run: cannot write " + out + ": " + e.getMessage());
            return BAD_INPUT;
        }
        Duration timeout = timeoutSeconds == null ? null
                : Duration.ofMillis(Math.round(timeoutSeconds * 1000));
        Workspace workspace;
        try {
            workspace = SessionStart.workspace(extensions.engines(), engineProvider);
        } catch (IllegalStateException e) {
            err.println("assay run: " + e.getMessage());
            return CELL_FAILED;
        }
        NotebookRunner.Result result;
        try (StreamCapture streams = StreamCapture.install();
             CellExecutor executor = new CellExecutor(extensions, streams, workspace,
                     CompletableFuture.completedFuture(null))) {
            executor.setParameters(given.rawValues());
            executor.showProgressOn(streams.log(), System.console() != null);
            result = new NotebookRunner(executor, streams.log(), timeout, new FileCheckpoint(out, streams.log()))
                    .run(document);
        }
        try {
            NotebookRunner.write(document, out);
        } catch (IOException e) {
            err.println("assay run: cannot write " + out + ": " + e.getMessage());
            return BAD_INPUT;
        }
        String wrote = out.toString();
        if (html != null) {
            Path page = html.toAbsolutePath();
            try {
                NotebookHtml.write(document, notebook.getFileName().toString(), page);
            } catch (IOException | RuntimeException e) {
                err.println("assay run: cannot write " + page + ": " + e);
                return BAD_INPUT;
            }
            wrote += " and " + page;
        }
        if (!result.ok()) {
            err.println("assay run: cell " + result.failedCell() + " failed (" + result.failure() + "); wrote " + wrote);
            return CELL_FAILED;
        }
        err.println("assay run: " + result.cellsRun() + " cells ran; wrote " + wrote);
        return 0;
    }

    /**
     * What the run's child JVM needs beyond this one's for {@code --with-spark}: the Spark jar and
     * the flags, unless this JVM has both already (then nothing, and no child for that reason).
     */
    private WorkingDirectory.ChildJvm sparkForChild() {
        List<String> missingFlags = SparkJvmFlags.missingHere();
        if (!spark.requested() || (SparkJar.isLoadable(RunCommand.class.getClassLoader()) && missingFlags.isEmpty())) {
            return WorkingDirectory.ChildJvm.SAME;
        }
        if (inNotebookDir) { // the child of a --with-spark run was given both: something removed them
            throw new IllegalArgumentException("--with-spark: this JVM was started without the Spark jar or without "
                    + "the flags " + String.join(" ", missingFlags));
        }
        return new WorkingDirectory.ChildJvm(List.of(spark.jar(SparkJar.kernelJarOf(RunCommand.class))),
                SparkJvmFlags.all());
    }

    /** A child run whose parent was killed outright (no signal to forward) stops too, writing nothing more. */
    private static void endWithTheRunThatStartedThisOne() {
        ParentWatcher.ofOwnParent().ifPresent(parent -> parent.start(() -> {
            System.err.println("assay run: the run that started this one (pid " + parent.watchedPid()
                    + ") is gone; stopping, the notebook left as saved before the running cell");
            ExitGuard.permitExit();
            System.exit(TERMINATED);
        }));
    }

    /**
     * The command line of the run in the notebook's directory: every option given here, as given,
     * except that paths become absolute (they were meant from here), so that an option added
     * later reaches the child without anyone having to remember it.
     */
    private String[] childArguments() {
        List<String> args = new ArrayList<>(
                List.of("run", notebook.toAbsolutePath().toString(), "--in-notebook-dir"));
        // matchedOptions() lists an option once per occurrence; stringValues() has all of them.
        for (OptionSpec option : new LinkedHashSet<>(spec.commandLine().getParseResult().matchedOptions())) {
            if (option.arity().max() == 0) {
                args.add(option.longestName());
                continue;
            }
            for (String value : option.stringValues()) {
                args.add(option.longestName());
                args.add(option.type() == Path.class ? Path.of(value).toAbsolutePath().toString() : value);
            }
        }
        return args.toArray(String[]::new);
    }

    static Path defaultOutput(Path notebook) {
        String name = notebook.getFileName().toString().replaceFirst("\\.ipynb$", "");
        return notebook.resolveSibling(name + ".out.ipynb");
    }
}
