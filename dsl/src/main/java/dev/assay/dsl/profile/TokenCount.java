package dev.assay.dsl.profile;

/** A token that means missing ({@code ""} for empty or white space only, else trimmed and lower-cased) and the rows holding it. */
public record TokenCount(String token, long count) {
}
