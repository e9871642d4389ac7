package dev.assay.dsl.store;

import java.util.regex.Pattern;

/**
 * The identity of a dataset's content: {@code sha256:} and 64 hex digits, depending only on the
 * schema and the multiset of rows (see {@link Fingerprinter} and docs/versions.md).
 */
public record Fingerprint(String value) {

    private static final Pattern FORM = Pattern.compile("sha256:[0-9a-f]{64}");

    public Fingerprint {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a fingerprint: '" + value + "' (expected sha256: and 64 hex digits)");
        }
    }

    /** The 64 hex digits, which also name the content's snapshot file. */
    public String hex() {
        return value.substring("sha256:".length());
    }

    /** The first 12 hex digits, enough to tell versions apart on screen. */
    public String shortForm() {
        return value.substring(0, "sha256:".length() + 12);
    }

    @Override
    public String toString() {
        return value;
    }
}
