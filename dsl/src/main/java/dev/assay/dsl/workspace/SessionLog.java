package dev.assay.dsl.workspace;

import dev.assay.dsl.check.CheckResult;
import dev.assay.dsl.store.Pinned;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a session has pinned and checked, in order, so that a report can say which data
 * versions the notebook ran on and which rules held (a failed check included). Each check
 * and pin is also passed on to {@link CheckOutcomes}, which records check outcomes with the
 * pinned versions they checked: whatever logs a check here has it recorded.
 */
public final class SessionLog {

    private final List<Pinned> pins = new CopyOnWriteArrayList<>();
    private final List<CheckResult> checks = new CopyOnWriteArrayList<>();
    private final CheckOutcomes outcomes;

    SessionLog(CheckOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    void pinned(Pinned pin) {
        pins.add(pin);
        outcomes.pinned(pin);
    }

    void checked(CheckResult check) {
        checks.add(check);
        outcomes.checked(check);
    }

    public List<Pinned> pins() {
        return List.copyOf(pins);
    }

    public List<CheckResult> checks() {
        return List.copyOf(checks);
    }
}
