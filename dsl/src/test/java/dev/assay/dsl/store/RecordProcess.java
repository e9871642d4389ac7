package dev.assay.dsl.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A JVM for {@link StoreProcessesTest} that records checks of the latest version of
 * {@code label} one after another, forever, printing {@code recorded N} after each, so that
 * the test can kill it while the checks file is being rewritten. Each check carries many
 * rules, so the file grows and each rewrite takes a while.
 */
public final class RecordProcess {

    private RecordProcess() {
    }

    public static void main(String[] args) {
        VersionStore store = new VersionStore(Path.of(args[0]));
        Fingerprint fingerprint = store.resolve(new VersionRef(args[1], null)).fingerprint();
        List<String> rules = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rules.add("missing(column_" + i + ") < " + i + "%");
        }
        for (int n = store.checks(fingerprint).size() + 1; ; n++) {
            StoredCheck check = new StoredCheck(Instant.now(), "data", n % 2 == 0, rules, n % 2 == 0 ? List.of() : rules);
            store.write(() -> false, w -> {
                w.recordCheck(fingerprint, check);
                return null;
            });
            System.out.println("recorded " + n);
            System.out.flush();
        }
    }
}
