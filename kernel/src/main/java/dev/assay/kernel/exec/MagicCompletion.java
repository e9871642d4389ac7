package dev.assay.kernel.exec;

import dev.assay.kernel.exec.magic.MagicRegistry;
import dev.assay.kernel.java.Completion;
import java.util.List;
import java.util.Optional;

/** Completes magic names when the cursor is in a word that starts a line with %. */
final class MagicCompletion {

    private MagicCompletion() {
    }

    static Optional<Completion> complete(MagicRegistry magics, String code, int cursor) {
        int lineStart = code.lastIndexOf('\n', cursor - 1) + 1;
        String typed = code.substring(lineStart, cursor);
        if (!typed.startsWith("%") || typed.contains(" ")) {
            return Optional.empty();
        }
        List<String> matches = magics.all().stream()
                .map(m -> (m.isCellMagic() ? "%%" : "%") + m.name())
                .filter(w -> w.startsWith(typed))
                .sorted()
                .toList();
        return Optional.of(new Completion(matches, lineStart, cursor));
    }
}
