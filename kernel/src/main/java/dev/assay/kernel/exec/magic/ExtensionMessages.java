package dev.assay.kernel.exec.magic;

import dev.assay.kernel.exec.CellContext;

/** After jars were added: registers the extensions they bring and says so in the cell's output. */
final class ExtensionMessages {

    private ExtensionMessages() {
    }

    static void show(CellContext context) {
        for (String line : context.loadExtensions()) {
            // Failures go to stderr so that they stand out; the cell itself succeeded.
            context.out().stream(line.startsWith("Registered") ? "stdout" : "stderr", line + "\n");
        }
    }
}
