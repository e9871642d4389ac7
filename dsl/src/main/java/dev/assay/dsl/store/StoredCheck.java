package dev.assay.dsl.store;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of one {@code check} of some content, as the store keeps it beside the versions
 * of that content: when, on which dataset, whether every rule held, the rules as written and
 * those that failed. A baseline leaves out versions whose latest check failed.
 */
public record StoredCheck(Instant at, String dataset, boolean passed, List<String> rules, List<String> failed) {

    public StoredCheck {
        rules = List.copyOf(rules);
        failed = List.copyOf(failed);
    }
}
