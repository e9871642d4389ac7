package dev.assay.dsl.profile;

import java.util.List;

/**
 * What a profile finds wrong in a column of texts, in rows: values that mean missing without
 * being NULL ({@code nullLike}, per token in {@code nullLikeTokens}), values that parse as
 * numbers ({@code numericLike}), values with white space at either end ({@code edgeSpaces});
 * and {@code variants}, the number of groups of two or more distinct values equal under
 * {@code normalize} (like {@code Yes}, {@code yes }, {@code YES}), with up to five groups as
 * examples, and {@code variantRows}, the rows holding a value of one of those groups (what a
 * variants finding touches). Tokens and thresholds: docs/profile.md.
 */
public record TextIntegrity(long nullLike, List<TokenCount> nullLikeTokens, long numericLike, long variants,
                            List<List<String>> variantExamples, long edgeSpaces, long variantRows) {

    public static final int VARIANT_EXAMPLES = 5;

    public TextIntegrity {
        nullLikeTokens = List.copyOf(nullLikeTokens);
        variantExamples = variantExamples.stream().map(List::copyOf).toList();
    }
}
