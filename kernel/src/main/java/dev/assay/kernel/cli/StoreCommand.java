package dev.assay.kernel.cli;

import dev.assay.dsl.store.GcReport;
import dev.assay.dsl.store.StoreException;
import dev.assay.dsl.store.VersionStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code assay store gc [--store DIR]}: maintenance of the pinned-version store. */
@Command(name = "store", description = "Maintain the store of pinned dataset versions.",
        subcommands = {StoreCommand.Gc.class})
final class StoreCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: gc");
    }

    @Command(name = "gc", description = "Remove snapshots no version refers to, and writes left by stopped processes.")
    static final class Gc implements Callable<Integer> {

        @Option(names = "--store", paramLabel = "DIR",
                description = "the store (default: $" + VersionStore.ENVIRONMENT + ", else ./" + VersionStore.DEFAULT_DIRECTORY + ")")
        Path store;

        @Override
        public Integer call() {
            VersionStore versions = store != null ? new VersionStore(store)
                    : VersionStore.locate(System.getenv(), Path.of(""));
            if (!Files.isDirectory(versions.root())) {
                System.err.println("assay store gc: there is no version store at " + versions.root());
                return 2;
            }
            try {
                GcReport report = versions.gc();
                System.out.printf("Removed %d unreferenced snapshot(s), %,d bytes, from %s; %d kept%n",
                        report.removed().size(), report.freedBytes(), report.store(), report.kept());
                if (!report.removedMetrics().isEmpty() || !report.removedChecks().isEmpty()) {
                    System.out.printf("Removed the metrics of %d and the check records of %d content(s) no version refers to%n",
                            report.removedMetrics().size(), report.removedChecks().size());
                }
                return 0;
            } catch (StoreException e) {
                System.err.println("assay store gc: " + e.getMessage());
                return 1;
            }
        }
    }
}
