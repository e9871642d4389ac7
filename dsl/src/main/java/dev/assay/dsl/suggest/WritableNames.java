package dev.assay.dsl.suggest;

/**
 * Which column names a rule can write: the language reads a name as one word, a letter or
 * {@code _} followed by letters, digits or {@code _} (the lexer's rule), and has no quoted
 * names, so a column called {@code Home Team} or {@code 2nd} cannot be named in a check.
 */
final class WritableNames {

    private WritableNames() {
    }

    static boolean writable(String name) {
        if (name.isEmpty()) {
            return false;
        }
        int first = name.codePointAt(0);
        if (!Character.isLetter(first) && first != '_') {
            return false;
        }
        return name.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
    }
}
