package dev.assay.dsl.profile;

/** Something about a column a reviewer should look at: {@code kind} is constant, unique, missing or pii. */
public record Finding(String column, String kind, String message) {
}
