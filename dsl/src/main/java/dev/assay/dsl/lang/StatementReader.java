package dev.assay.dsl.lang;

import dev.assay.dsl.duplicates.Match;
import dev.assay.dsl.naming.Excerpt;
import dev.assay.dsl.naming.Suggestions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The tokens of a cell as a statement reads them: a cursor with the pieces every statement
 * is made of (names, strings, numbers, column lists, options, clauses). Each piece refuses
 * what it does not accept where it is written, saying what was expected and what was found.
 */
public final class StatementReader {

    private final List<Token> tokens;
    private int next;

    StatementReader(List<Token> tokens) {
        this.tokens = tokens;
    }

    public Token peek() {
        return tokens.get(next);
    }

    public Token peekAt(int ahead) {
        return tokens.get(Math.min(next + ahead, tokens.size() - 1));
    }

    /** The token just read. */
    public Token previous() {
        return tokens.get(next - 1);
    }

    void skip() {
        next++;
    }

    /**
     * The optional clauses of a statement, in any order, each at most once: {@code clauses}
     * maps each keyword to what reads the rest of its clause.
     */
    public void clauses(Map<String, Runnable> clauses) {
        Set<String> allowed = clauses.keySet();
        Set<String> seen = new HashSet<>();
        while (peek().kind() == Token.Kind.WORD) {
            Token word = peek();
            String clause = word.text().toLowerCase(Locale.ROOT);
            if (!allowed.contains(clause)) {
                throw new ParseException(word.position(), "unexpected '" + Excerpt.of(word.text()) + "'"
                        + Suggestions.didYouMean(word.text(), allowed) + "; this statement takes "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
            if (!seen.add(clause)) {
                throw new ParseException(word.position(), "'" + clause + "' is given twice");
            }
            next++;
            clauses.get(clause).run();
        }
    }

    /** The clauses of a statement that compares rows: {@code [on COLS [normalize]] [near T]}. */
    public Match matchClauses() {
        return matchClauses("on", Map.of());
    }

    /**
     * The clauses of a statement that compares rows, its columns after {@code columnsWord}
     * ({@code [by COLS [normalize]] [near T]}), in any order with {@code extra} clauses.
     */
    public Match matchClauses(String columnsWord, Map<String, Runnable> extra) {
        Match[] match = {Match.allColumns()};
        Double[] near = {null};
        Map<String, Runnable> clauses = new LinkedHashMap<>();
        clauses.put(columnsWord, () -> {
            List<String> columns = columns();
            match[0] = acceptWord("normalize") ? Match.on(columns).normalized() : Match.on(columns);
        });
        clauses.put("near", () -> {
            Token t = peek();
            BigDecimal threshold = number("a similarity threshold between 0 and 1, like 0.8");
            if (threshold.signum() <= 0 || threshold.compareTo(BigDecimal.ONE) > 0) {
                throw new ParseException(t.position(), "the near threshold must be in (0, 1], got " + t.text());
            }
            near[0] = threshold.doubleValue();
        });
        clauses.putAll(extra);
        clauses(clauses);
        return near[0] == null ? match[0] : match[0].near(near[0]);
    }

    /** {@code seed N}: a whole number from 0. */
    public long seed() {
        return count("a whole number", Long.MAX_VALUE);
    }

    /**
     * {@code (key=value, ...)}; keys lower-cased, each once. With {@code known} given, another
     * key is refused at its position with the closest known one.
     */
    public Map<String, Object> options(Set<String> known) {
        Map<String, Object> options = new LinkedHashMap<>();
        expectSymbol("(");
        do {
            Token key = peek();
            String option = name("an option name");
            String lower = option.toLowerCase(Locale.ROOT);
            if (known != null && !known.contains(lower)) {
                throw new ParseException(key.position(), "unknown option '" + option + "'" + Suggestions.didYouMean(option, known)
                        + "; options: " + String.join(", ", known.stream().sorted().toList()));
            }
            expectSymbol("=");
            if (options.put(lower, literal()) != null) {
                throw new ParseException(key.position(), "option '" + option + "' is given twice");
            }
        } while (acceptSymbol(","));
        expectSymbol(")");
        return options;
    }

    public List<String> optionalColumns(String keyword) {
        return acceptWord(keyword) ? columns() : List.of();
    }

    public List<String> columns() {
        List<String> columns = new ArrayList<>();
        do {
            columns.add(name("a column name"));
        } while (acceptSymbol(","));
        return columns;
    }

    /** A string, a number, {@code true} or {@code false}. */
    public Object literal() {
        Token t = peek();
        switch (t.kind()) {
            case STRING -> {
                next++;
                return t.text();
            }
            case NUMBER -> {
                BigDecimal n = number("a value");
                if (n.scale() <= 0) {
                    return inRange(t, n, Long.MIN_VALUE, Long.MAX_VALUE).longValueExact();
                }
                if (Double.isInfinite(n.doubleValue())) {
                    throw new ParseException(t.position(), "the number " + Excerpt.of(t.text()) + " is too large");
                }
                return n.doubleValue();
            }
            case WORD -> {
                if (t.isWord("true") || t.isWord("false")) {
                    next++;
                    return Boolean.parseBoolean(t.text().toLowerCase(Locale.ROOT));
                }
                throw error(t, "expected a value: a 'string', a number, true or false");
            }
            default -> throw error(t, "expected a value: a 'string', a number, true or false");
        }
    }

    public String name(String what) {
        Token t = peek();
        if (t.kind() != Token.Kind.WORD) {
            throw error(t, "expected " + what);
        }
        next++;
        return t.text();
    }

    public String string(String what) {
        Token t = peek();
        if (t.kind() != Token.Kind.STRING) {
            throw error(t, "expected " + what);
        }
        next++;
        return t.text();
    }

    /** A string that {@code check} accepts; its refusal becomes an error at the string's position. */
    public String checkedString(String what, Consumer<String> check) {
        Token t = peek();
        String text = string(what);
        atPosition(t, () -> {
            check.accept(text);
            return text;
        });
        return text;
    }

    public BigDecimal number(String what) {
        Token t = peek();
        if (t.kind() != Token.Kind.NUMBER) {
            throw error(t, "expected " + what);
        }
        next++;
        try {
            return new BigDecimal(t.text());
        } catch (NumberFormatException e) {
            throw error(t, "expected " + what);
        }
    }

    /** A whole number from 0 to {@code max}; anything else is refused where it is written, never wrapped around. */
    public long count(String what, long max) {
        Token t = peek();
        BigDecimal n = number(what);
        if (n.signum() < 0 || n.scale() > 0 && n.stripTrailingZeros().scale() > 0) {
            throw error(t, "expected " + what + " (0 or more, no fraction)");
        }
        return inRange(t, n, 0, max).longValueExact();
    }

    private static BigDecimal inRange(Token t, BigDecimal n, long min, long max) {
        if (n.compareTo(BigDecimal.valueOf(min)) < 0 || n.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new ParseException(t.position(), "the number " + Excerpt.of(t.text()) + " is out of range: it must be from "
                    + min + " to " + max);
        }
        return n;
    }

    public void expectWord(String keyword) {
        Token t = peek();
        if (!t.isWord(keyword)) {
            throw error(t, "expected '" + keyword + "'");
        }
        next++;
    }

    public boolean acceptWord(String keyword) {
        if (peek().isWord(keyword)) {
            next++;
            return true;
        }
        return false;
    }

    public void expectSymbol(String symbol) {
        Token t = peek();
        if (!t.isSymbol(symbol)) {
            throw error(t, "expected '" + symbol + "'");
        }
        next++;
    }

    public boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            next++;
            return true;
        }
        return false;
    }

    /** Builds a value whose own checks refuse it, and reports the refusal at {@code token}'s position. */
    public static <T> T atPosition(Token token, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new ParseException(token.position(), e.getMessage());
        }
    }

    /** "expected WHAT, found TOKEN" at the token. */
    public static ParseException error(Token found, String expected) {
        return new ParseException(found.position(), expected + ", found " + found.describe());
    }
}
