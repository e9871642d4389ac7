package dev.assay.dsl.profile;

import dev.assay.dsl.engine.SqlDialect;

/**
 * Personal data a profile looks for in text columns. A value counts once per kind when the
 * pattern occurs anywhere in it, so free text that mentions an address is caught too.
 * Patterns are RE2 (no look-around): boundaries are spelt as "start, end or a non-word character".
 * Phone numbers need a library that knows each region's numbering plan, so they are found in
 * Java instead (see {@link #inSql()}).
 */
enum PiiPattern {
    EMAIL("email", "email addresses",
            "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"),
    /** Found in Java by libphonenumber (see {@link PhoneScan}); the pattern is only the SQL pre-filter. */
    PHONE("phone", "phone numbers", PhoneFinder.CANDIDATE),
    /** 13 to 19 digits, optionally grouped by spaces or dashes, that pass the Luhn check. */
    CARD("card", "card numbers (Luhn-valid)",
            "(^|[^0-9])([0-9]([ -]?[0-9]){12,18})($|[^0-9])"),
    IPV4("ipv4", "IPv4 addresses",
            "(^|[^0-9.])((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
            + "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])($|[^0-9]|\\.($|[^0-9]))");

    private final String key;
    private final String description;
    private final String pattern;

    PiiPattern(String key, String description, String pattern) {
        this.key = key;
        this.description = description;
        this.pattern = pattern;
    }

    String key() {
        return key;
    }

    String description() {
        return description;
    }

    /** True when SQL alone decides this kind ({@link #condition}); phone numbers are confirmed in Java. */
    boolean inSql() {
        return this != PHONE;
    }

    /** A condition that is true for a value of {@code expr} holding this kind of data. */
    String condition(SqlDialect sql, String expr) {
        // CASE, not AND, wherever a cheap test guards a costly one: an engine may evaluate both
        // sides of an AND, while a CASE branch runs only for the rows that reach it.
        switch (this) {
            case EMAIL:
                return "(CASE WHEN " + sql.contains(expr, "@") + " THEN " + sql.regexFind(expr, pattern) + " ELSE false END)";
            case IPV4:
                return "(CASE WHEN " + sql.contains(expr, ".") + " THEN " + sql.regexFind(expr, pattern) + " ELSE false END)";
            case CARD:
                String digits = sql.regexRemoveAll(sql.regexExtract(expr, pattern, 2), "[^0-9]");
                return "(CASE WHEN " + sql.regexFind(expr, pattern) + " THEN " + sql.luhnValid(digits) + " ELSE false END)";
            default:
                throw new IllegalStateException(this + " is not decided in SQL");
        }
    }
}
