package dev.assay.kernel.cli;

import dev.assay.kernel.KernelVersion;
import dev.assay.kernel.exec.ExitGuard;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code java -jar assay.jar COMMAND}: the one entry point of the runnable jar. */
@Command(name = "assay",
        mixinStandardHelpOptions = true,
        versionProvider = AssayCommand.Version.class,
        description = "Assay: a Jupyter kernel for Java with a language for training-data work.",
        subcommands = {InstallCommand.class, KernelCommand.class, RunCommand.class, StoreCommand.class})
public final class AssayCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = isKernelStart(args) ? KernelCommand.serve(Path.of(args[1])) : execute(args);
        ExitGuard.permitExit(); // a cell may still run in a thread it started
        System.exit(code);
    }

    /**
     * {@code kernel CONNECTION_FILE}, as every kernelspec start says it: served without
     * picocli, whose model of all the commands (built by reflection, over classes too old for
     * class-data sharing) took about a third of the time to the first kernel_info_reply.
     */
    static boolean isKernelStart(String[] args) {
        return args.length == 2 && args[0].equals("kernel") && !args[1].startsWith("-");
    }

    /** Runs a command line and returns its exit code (2 for usage errors, as picocli does). */
    public static int execute(String... args) {
        return new CommandLine(new AssayCommand()).execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: install, kernel, run or store");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"assay " + KernelVersion.get() + " (Java " + System.getProperty("java.version") + ")"};
        }
    }
}
