package dev.assay.dsl.store;

/**
 * A pinned version as written in a notebook: {@code 'reviews-train@3'}, or {@code 'reviews-train'}
 * for the latest ({@code version} null). Labels are letters, digits, '-', '_' and '.', so that a
 * label is always one file name inside the store and never a path out of it.
 */
public record VersionRef(String label, Integer version) {

    public static final String LABEL_RULE = "labels use letters, digits, '-', '_' and '.' (at most "
            + VersionRef.MAX_LABEL + " characters)";
    static final int MAX_LABEL = 100;

    public VersionRef {
        checkLabel(label);
        if (version != null && version < 1) {
            throw new IllegalArgumentException("versions are numbered from 1, got " + version);
        }
    }

    /** Reads {@code label} or {@code label@N}; anything else is refused with the rule it breaks. */
    public static VersionRef parse(String text) {
        int at = text.lastIndexOf('@');
        if (at < 0) {
            return new VersionRef(text, null);
        }
        String number = text.substring(at + 1);
        if (!number.matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException("'" + text + "' is not a version: write 'LABEL@N' with N a version number "
                    + "like 1, or 'LABEL' for the latest");
        }
        return new VersionRef(text.substring(0, at), Integer.parseInt(number));
    }

    /** Refuses a label that could not be one file name inside the store, naming the first bad character. */
    public static void checkLabel(String label) {
        if (label == null || label.isEmpty()) {
            throw new IllegalArgumentException("a version label cannot be empty: " + LABEL_RULE);
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!isLabelChar(c)) {
                throw new IllegalArgumentException("'" + label + "' is not a version label: '" + describe(c)
                        + "' at character " + (i + 1) + "; " + LABEL_RULE);
            }
        }
        if (label.chars().allMatch(c -> c == '.')) {
            throw new IllegalArgumentException("'" + label + "' is not a version label: it needs a letter, digit, '-' or '_'");
        }
        if (label.length() > MAX_LABEL) {
            throw new IllegalArgumentException("the version label is " + label.length() + " characters long; " + LABEL_RULE);
        }
    }

    /** Letters and digits (ASCII), '-', '_' and '.'. */
    public static boolean isLabelChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.');
    }

    private static String describe(char c) {
        return Character.isISOControl(c) || Character.isWhitespace(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    @Override
    public String toString() {
        return version == null ? label : label + "@" + version;
    }
}
