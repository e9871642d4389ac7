package dev.assay.dsl.baseline;

import dev.assay.dsl.result.JsonValue;
import dev.assay.dsl.store.Parent;
import dev.assay.dsl.store.StoredVersion;
import dev.assay.dsl.store.VersionRef;
import dev.assay.dsl.store.VersionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The versions of a label a check compares with, oldest first, and those left out with why:
 * versions whose latest recorded check failed (a bad run must not become the norm), and the
 * checked dataset's own version (pinning, then checking against the same label, compares with
 * the versions before). The latest one used is THE baseline; all used ones feed {@code sd} rules.
 */
public record BaselineVersions(String label, List<StoredVersion> used, List<LeftOut> leftOut) {

    /** A version not used, and why. */
    public record LeftOut(int version, String reason) {
    }

    public static final String CHECK_FAILED = "its latest check failed";
    public static final String CHECKED_ITSELF = "it is the version checked";

    public BaselineVersions {
        used = List.copyOf(used);
        leftOut = List.copyOf(leftOut);
    }

    /**
     * The versions of {@code label} in {@code store}, without failed ones and without {@code own}
     * (the checked dataset's version, when it is one of this label; null otherwise). An unknown
     * label is refused with the labels there are.
     */
    public static BaselineVersions resolve(VersionStore store, String label, Parent own) {
        List<StoredVersion> all = store.versions(label);
        if (all.isEmpty()) {
            try {
                store.resolve(new VersionRef(label, null)); // fails, naming the closest label
            } catch (IllegalArgumentException e) {
                throw new BaselineException(e.getMessage());
            }
        }
        List<StoredVersion> used = new ArrayList<>();
        List<LeftOut> leftOut = new ArrayList<>();
        for (StoredVersion v : all) {
            if (own != null && own.equals(v.asParent())) {
                leftOut.add(new LeftOut(v.version(), CHECKED_ITSELF));
            } else if (Boolean.FALSE.equals(store.checkPassed(v.fingerprint()))) {
                leftOut.add(new LeftOut(v.version(), CHECK_FAILED));
            } else {
                used.add(v);
            }
        }
        return new BaselineVersions(label, used, leftOut);
    }

    /** The baseline version: the latest used one; empty when every version was left out. */
    public Optional<StoredVersion> latest() {
        return used.isEmpty() ? Optional.empty() : Optional.of(used.get(used.size() - 1));
    }

    /** Why a baseline rule has nothing to compare with. */
    public String noneLeft() {
        return "no version of '" + label + "' is left to compare with ("
                + String.join("; ", leftOut.stream().map(l -> label + "@" + l.version() + ": " + l.reason()).toList()) + ")";
    }

    public List<Integer> usedNumbers() {
        return used.stream().map(StoredVersion::version).toList();
    }

    /** {@code {"label", "version", "versions", "left_out": [{"version", "reason"}]}}; version null when none is left. */
    public Map<String, Object> toJson() {
        return JsonValue.object("label", label, "version", latest().map(StoredVersion::version).orElse(null),
                "versions", usedNumbers(),
                "left_out", leftOut.stream().map(l -> (Object) JsonValue.object("version", l.version(), "reason", l.reason()))
                        .toList());
    }
}
