package dev.assay.dsl.profile;

/**
 * Something about a column a reviewer should look at. {@code kind} names the rule (constant,
 * unique, missing, pii, and the integrity rules of docs/profile.md); {@code rows} is how many
 * rows it touches, by which findings are ranked.
 */
public record Finding(String column, String kind, String message, long rows) {
}
