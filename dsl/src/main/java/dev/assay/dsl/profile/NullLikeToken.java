package dev.assay.dsl.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * A value that means missing without being NULL, as the profile and {@code null_like(col)} count
 * it: empty or white space only (token {@code ""}), or one of {@link #WORDS} once trimmed of
 * white space, in any case. White space is what {@code normalize} collapses
 * ({@link TextPatterns#SPACE}). Tokens are told apart by anchored regular expressions that read
 * the same in RE2 (DuckDB) and Java (Spark).
 */
public record NullLikeToken(String token, String pattern) {

    /** The words, trimmed and lower-cased, besides the empty token. */
    public static final List<String> WORDS = List.of("null", "none", "nan", "n/a", "na", "-", "?");

    /** Every token: the empty one first, then the words. */
    public static final List<NullLikeToken> ALL = all();

    /** Any null-like value: what {@code null_like} counts. */
    public static final String ANY = TextPatterns.whole("(?i:" + String.join("|", WORDS.stream().map(NullLikeToken::literal).toList())
            + ")?");

    private static List<NullLikeToken> all() {
        List<NullLikeToken> tokens = new ArrayList<>();
        tokens.add(new NullLikeToken("", TextPatterns.whole("")));
        for (String word : WORDS) {
            tokens.add(new NullLikeToken(word, TextPatterns.whole("(?i:" + literal(word) + ")")));
        }
        return List.copyOf(tokens);
    }

    /** A word as a regular expression: '?' is the only character of the words that means something there. */
    private static String literal(String word) {
        return word.replace("?", "\\?");
    }
}
