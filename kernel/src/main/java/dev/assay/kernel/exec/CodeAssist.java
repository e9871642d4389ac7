package dev.assay.kernel.exec;

import dev.assay.dsl.workspace.Workspace;
import dev.assay.kernel.exec.magic.MagicRegistry;
import dev.assay.kernel.java.Completion;
import java.util.Optional;

/**
 * Help while typing: completion, inspection and whether code is complete, for magics,
 * {@code %%assay}/{@code %%sql} cells and Java. The {@code magic*} answers need neither JShell
 * nor the workspace and are given at once, even while a cell runs; the others belong on the
 * execution thread.
 */
final class CodeAssist {

    private final MagicRegistry magics;
    private final Workspace workspace;
    private final JavaSession java;

    CodeAssist(MagicRegistry magics, Workspace workspace, JavaSession java) {
        this.magics = magics;
        this.workspace = workspace;
        this.java = java;
    }

    Optional<Completion> magicCompletion(String code, int cursor) {
        return MagicCompletion.complete(magics, code, cursor);
    }

    Completion complete(String code, int cursor) {
        return DataCellAssist.complete(code, cursor, workspace)
                .orElseGet(() -> java.evaluator().complete(code, cursor));
    }

    Optional<String> inspect(String code, int cursor) {
        return DataCellAssist.inspect(code, cursor, workspace)
                .orElseGet(() -> java.evaluator().inspect(code, cursor));
    }

    Optional<String> magicCompleteness(String code) {
        return MagicCellCompleteness.appliesTo(code) ? Optional.of(MagicCellCompleteness.of(code)) : Optional.empty();
    }

    String completeness(String code) {
        return java.evaluator().completeness(code);
    }
}
