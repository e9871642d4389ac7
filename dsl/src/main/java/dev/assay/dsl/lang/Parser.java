package dev.assay.dsl.lang;

import dev.assay.dsl.naming.Excerpt;
import dev.assay.dsl.naming.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The data language (README, "%%assay cells"; docs/architecture.md, "A statement: parse,
 * interpret, render"), one statement a line. Keywords are case-insensitive; the
 * optional clauses of a statement may come in any order, each once. Errors name the line and
 * column, what was expected, what was found, and the closest keyword when one was misspelt.
 * Which statements exist, and how each reads, comes from a {@link StatementRegistry}.
 */
public final class Parser {

    /** The keywords of the built-in statements, in the order they are listed. */
    static final List<String> STATEMENTS = StatementRegistry.builtIn().keywords();

    private final StatementRegistry registry;
    private final StatementReader in;

    private Parser(StatementRegistry registry, List<Token> tokens) {
        this.registry = registry;
        this.in = new StatementReader(tokens);
    }

    /** Every statement of a cell; blank and comment lines are skipped. */
    public static List<Statement> parse(String cell) {
        return parse(cell, StatementRegistry.builtIn());
    }

    /** Every statement of a cell, with the statements of {@code registry}. */
    public static List<Statement> parse(String cell, StatementRegistry registry) {
        return new Parser(registry, Lexer.tokens(cell)).statements();
    }

    private List<Statement> statements() {
        List<Statement> statements = new ArrayList<>();
        while (in.peek().kind() != Token.Kind.END) {
            if (in.peek().kind() == Token.Kind.NEWLINE) {
                in.skip();
                continue;
            }
            statements.add(statement());
            Token after = in.peek();
            if (after.kind() != Token.Kind.NEWLINE && after.kind() != Token.Kind.END) {
                throw StatementReader.error(after, "expected the end of the statement");
            }
        }
        return statements;
    }

    private Statement statement() {
        Token first = in.peek();
        List<String> keywords = registry.keywords();
        if (first.kind() != Token.Kind.WORD) {
            throw StatementReader.error(first, "expected a statement (" + String.join(", ", keywords) + ")");
        }
        if (in.peekAt(1).isSymbol("=") || in.peekAt(1).isSymbol(",")) {
            return assignment();
        }
        StatementType type = registry.find(first.text()).orElseThrow(() -> new ParseException(first.position(),
                "unknown statement '" + Excerpt.of(first.text()) + "'" + Suggestions.didYouMean(first.text(), keywords)
                        + "; statements: " + String.join(", ", keywords)));
        if (type.binding() != StatementType.Binding.NONE) {
            throw new ParseException(first.position(), "'" + type.keyword() + "' makes a dataset: write NAME = "
                    + type.keyword() + " ...");
        }
        in.skip();
        return type.parse(in, List.of(), first.position());
    }

    /** {@code NAME = KEYWORD ...} and {@code A, B, C = KEYWORD ...}. */
    private Statement assignment() {
        Position at = in.peek().position();
        List<String> targets = new ArrayList<>();
        targets.add(in.name("a dataset name"));
        while (in.acceptSymbol(",")) {
            targets.add(in.name("a dataset name"));
        }
        in.expectSymbol("=");
        Token verb = in.peek();
        Optional<StatementType> type = verb.kind() == Token.Kind.WORD ? registry.find(verb.text()) : Optional.empty();
        if (type.isPresent() && type.get().binding() == StatementType.Binding.SEVERAL) {
            in.skip();
            return type.get().parse(in, targets, at);
        }
        if (targets.size() > 1) {
            List<String> several = registry.severalBindingKeywords();
            throw StatementReader.error(verb, "expected " + quotedChoice(several) + " (only " + String.join(" and ", several)
                    + (several.size() == 1 ? " makes" : " make") + " several datasets)");
        }
        if (type.isPresent() && type.get().binding() == StatementType.Binding.ONE) {
            in.skip();
            return type.get().parse(in, targets, at);
        }
        List<String> binding = registry.bindingKeywords();
        throw new ParseException(verb.position(), "expected " + choice(binding) + " after '='"
                + (verb.kind() == Token.Kind.WORD ? ", found '" + Excerpt.of(verb.text()) + "'"
                        + Suggestions.didYouMean(verb.text(), binding) : ", found " + verb.describe()));
    }

    /** {@code a, b or c}. */
    private static String choice(List<String> words) {
        if (words.size() <= 1) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    private static String quotedChoice(List<String> words) {
        return choice(words.stream().map(w -> "'" + w + "'").toList());
    }
}
