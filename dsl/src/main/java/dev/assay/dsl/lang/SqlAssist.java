package dev.assay.dsl.lang;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.SqlVocabulary;
import dev.assay.dsl.lang.SqlTokens.Kind;
import dev.assay.dsl.lang.SqlTokens.Token;
import dev.assay.dsl.workspace.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Completion in {@code %%sql} cells: table names (the workspace's datasets, which are the
 * database's tables and views) after FROM, JOIN and the like, the columns of a table after
 * {@code table.} or {@code alias.}, and elsewhere the columns of the tables the statement
 * names, SQL keywords and the engine's functions. Keywords and functions follow the case the
 * user types in (or last typed a keyword in); names that need quotes get them.
 */
public final class SqlAssist {

    /** Words after which a table comes. */
    private static final Set<String> BEFORE_TABLE = Set.of("from", "join", "into", "update", "table", "view",
            "describe", "summarize");
    /** Words that start a clause: after a comma, the last of them says what the list holds. */
    private static final Set<String> CLAUSES = Set.of("select", "from", "where", "group", "having", "order", "limit",
            "join", "on", "using", "set", "values", "qualify", "window", "by", "returning");
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private SqlAssist() {
    }

    public static LanguageAssist.Completions complete(String sql, int cursor, Workspace workspace) {
        List<Token> tokens = SqlTokens.of(sql);
        Token at = tokens.stream().filter(t -> t.start() < cursor && (cursor < t.end() || !t.closed()))
                .findFirst().orElse(null);
        if (at != null && (at.kind() == Kind.STRING || at.kind() == Kind.COMMENT)) {
            return new LanguageAssist.Completions(List.of(), cursor, cursor); // paths, text, comments
        }
        boolean quoted = at != null && at.kind() == Kind.QUOTED_IDENTIFIER;
        int start = quoted ? at.start() : wordStart(sql, cursor);
        int end = quoted ? (at.closed() ? at.end() : cursor) : wordEnd(sql, cursor);
        String typed = quoted ? sql.substring(start + 1, cursor).replace("\"\"", "\"") : sql.substring(start, cursor);
        List<Token> statement = statementAround(tokens, start);
        List<Token> before = statement.stream().filter(t -> t.end() <= start && t.kind() != Kind.COMMENT).toList();

        List<String> relations = workspace.datasets();
        SqlVocabulary vocabulary = workspace.engine().vocabulary();
        UnaryOperator<String> identifier = name -> quoted || needsQuotes(name, vocabulary)
                ? workspace.engine().quoteIdentifier(name) : name;
        List<String> matches = new ArrayList<>();
        Optional<Token> qualifier = qualifier(before);
        if (qualifier.isPresent()) {
            resolve(qualifier.get().name(), statement, relations)
                    .ifPresent(r -> addMatching(matches, columnNames(workspace, r), typed, identifier));
        } else if (tableComes(before)) {
            addMatching(matches, relations, typed, identifier);
            if (!quoted) {
                addMatching(matches, vocabulary.tableFunctions(), typed, wordCase(typed, before, vocabulary));
            }
        } else {
            for (String relation : relationsNamed(statement, relations)) {
                addMatching(matches, columnNames(workspace, relation), typed, identifier);
            }
            if (!quoted) {
                UnaryOperator<String> cased = wordCase(typed, before, vocabulary);
                addMatching(matches, vocabulary.keywords(), typed, cased);
                addMatching(matches, vocabulary.functions(), typed, cased);
            }
        }
        return new LanguageAssist.Completions(List.copyOf(new LinkedHashSet<>(matches)), start, end);
    }

    private static void addMatching(List<String> matches, List<String> names, String typed, UnaryOperator<String> shown) {
        String prefix = typed.toLowerCase(Locale.ROOT);
        names.stream().filter(n -> n.toLowerCase(Locale.ROOT).startsWith(prefix))
                .sorted(String.CASE_INSENSITIVE_ORDER).map(shown).forEach(matches::add);
    }

    /** The tokens of the statement the cursor is in (statements end at semicolons). */
    private static List<Token> statementAround(List<Token> tokens, int position) {
        int first = 0;
        int last = tokens.size();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol(';')) {
                if (tokens.get(i).end() <= position) {
                    first = i + 1;
                } else {
                    last = i;
                    break;
                }
            }
        }
        return tokens.subList(first, last);
    }

    /** {@code name.} just before the word: the table or alias whose columns are wanted. */
    private static Optional<Token> qualifier(List<Token> before) {
        int n = before.size();
        if (n >= 2 && before.get(n - 1).isSymbol('.')
                && (before.get(n - 2).kind() == Kind.WORD || before.get(n - 2).kind() == Kind.QUOTED_IDENTIFIER)) {
            return Optional.of(before.get(n - 2));
        }
        return Optional.empty();
    }

    /** After FROM or JOIN, or after a comma in a FROM list (in the same parentheses). */
    private static boolean tableComes(List<Token> before) {
        if (before.isEmpty()) {
            return false;
        }
        Token previous = before.get(before.size() - 1);
        if (previous.kind() == Kind.WORD) {
            return BEFORE_TABLE.contains(previous.text().toLowerCase(Locale.ROOT));
        }
        if (!previous.isSymbol(',')) {
            return false;
        }
        int depth = 0;
        for (int i = before.size() - 2; i >= 0; i--) {
            Token t = before.get(i);
            if (t.isSymbol(')')) {
                depth++;
            } else if (t.isSymbol('(')) {
                if (--depth < 0) {
                    return false;
                }
            } else if (depth == 0 && t.kind() == Kind.WORD && CLAUSES.contains(t.text().toLowerCase(Locale.ROOT))) {
                return t.isWord("from");
            }
        }
        return false;
    }

    /** The relation a qualifier names: a table itself, or the table it is an alias of ({@code FROM iris AS i}). */
    private static Optional<String> resolve(String qualifier, List<Token> statement, List<String> relations) {
        Optional<String> direct = known(qualifier, relations);
        if (direct.isPresent()) {
            return direct;
        }
        for (int i = 1; i < statement.size(); i++) {
            Token t = statement.get(i);
            if (t.kind() != Kind.STRING && t.kind() != Kind.SYMBOL && t.name().equalsIgnoreCase(qualifier)) {
                Token table = statement.get(i - 1).isWord("as") && i >= 2 ? statement.get(i - 2) : statement.get(i - 1);
                Optional<String> relation = table.kind() == Kind.WORD || table.kind() == Kind.QUOTED_IDENTIFIER
                        ? known(table.name(), relations) : Optional.empty();
                if (relation.isPresent()) {
                    return relation;
                }
            }
        }
        return Optional.empty();
    }

    /** The known relations the statement names anywhere, before or after the cursor, each once. */
    private static List<String> relationsNamed(List<Token> statement, List<String> relations) {
        Set<String> named = new LinkedHashSet<>();
        for (Token t : statement) {
            if (t.kind() == Kind.WORD || t.kind() == Kind.QUOTED_IDENTIFIER) {
                known(t.name(), relations).ifPresent(named::add);
            }
        }
        return List.copyOf(named);
    }

    /** DuckDB matches identifiers without regard to case, quoted or not. */
    private static Optional<String> known(String name, List<String> relations) {
        return relations.stream().filter(r -> r.equalsIgnoreCase(name)).findFirst();
    }

    private static List<String> columnNames(Workspace workspace, String relation) {
        return workspace.dataset(relation).schema().stream().map(Column::name).toList(); // on the engine holding it
    }

    private static boolean needsQuotes(String name, SqlVocabulary vocabulary) {
        return !PLAIN_NAME.matcher(name).matches() || vocabulary.reservedKeywords().contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Keywords and functions in the case the user writes SQL in: that of the word being typed,
     * or, before a letter is typed, of the last keyword before it; upper case by default.
     */
    private static UnaryOperator<String> wordCase(String typed, List<Token> before, SqlVocabulary vocabulary) {
        String sample = typed;
        if (sample.chars().noneMatch(Character::isLetter)) {
            Set<String> keywords = Set.copyOf(vocabulary.keywords());
            sample = "";
            for (int i = before.size() - 1; i >= 0; i--) {
                Token t = before.get(i);
                if (t.kind() == Kind.WORD && keywords.contains(t.text().toLowerCase(Locale.ROOT))) {
                    sample = t.text();
                    break;
                }
            }
        }
        boolean lower = sample.chars().anyMatch(Character::isLetter)
                && sample.chars().filter(Character::isLetter).allMatch(Character::isLowerCase);
        return word -> lower ? word.toLowerCase(Locale.ROOT) : word.toUpperCase(Locale.ROOT);
    }

    private static int wordStart(String sql, int cursor) {
        int start = cursor;
        while (start > 0 && SqlTokens.isWordChar(sql.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    private static int wordEnd(String sql, int cursor) {
        int end = cursor;
        while (end < sql.length() && SqlTokens.isWordChar(sql.charAt(end))) {
            end++;
        }
        return end;
    }
}
