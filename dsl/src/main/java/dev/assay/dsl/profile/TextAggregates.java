package dev.assay.dsl.profile;

import dev.assay.dsl.scan.Aggregate;
import dev.assay.dsl.scan.Aggregates;

/**
 * The counts of text integrity (docs/profile.md, "Texts"), over distinct values weighted by
 * their counts like the profile's lengths and personal data: a regular expression per distinct
 * value, not per row, in the grouping the profile makes anyway.
 */
public final class TextAggregates {

    private TextAggregates() {
    }

    /** Rows whose value means missing without being NULL (any token): what {@code null_like(col)} checks. */
    public static Aggregate<Long> nullLike() {
        return rowsMatching("text:null_like", NullLikeToken.ANY);
    }

    /** Rows holding this one null-like token. */
    static Aggregate<Long> rowsWith(NullLikeToken token) {
        return rowsMatching("text:null_like:" + token.token(), token.pattern());
    }

    /** Rows whose value parses as a number ({@link TextPatterns#NUMBER}). */
    static Aggregate<Long> numericLike() {
        return rowsMatching("text:numeric_like", TextPatterns.NUMBER);
    }

    /** Rows whose value has white space at either end and something else inside. */
    static Aggregate<Long> edgeSpaces() {
        return rowsMatching("text:edge_spaces", TextPatterns.EDGE_SPACE);
    }

    private static Aggregate<Long> rowsMatching(String key, String pattern) {
        return Aggregates.of(key, Aggregate.Over.VALUES,
                (d, v) -> "sum(" + Aggregate.COUNT + ") FILTER (WHERE " + d.regexFind(v, pattern) + ")", Aggregates::asLong);
    }
}
