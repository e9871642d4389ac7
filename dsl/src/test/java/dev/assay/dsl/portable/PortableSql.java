package dev.assay.dsl.portable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what in a statement recorded by {@link RecordingEngine} is not SQL that DuckDB and
 * Spark both read with one meaning. Only the text operations wrote themselves is judged: the
 * dialect's expressions (between markers) are each engine's own spelling. That text may call
 * only the functions of {@link #PORTABLE_FUNCTIONS} and use none of {@link #ENGINE_ONLY}.
 */
final class PortableSql {

    /**
     * Functions both engines have, with the same meaning for the arguments operations give. Not
     * avg: Spark adds integers as doubles (SqlDialect.exactMean).
     */
    static final Set<String> PORTABLE_FUNCTIONS = Set.of("count", "sum", "min", "max", "coalesce", "nullif",
            "row_number", "rank", "lead", "lag", "sqrt", "ln", "abs", "stddev_samp", "greatest", "least", "floor",
            "ceil", "count_if", "exp", "cast", "exists");

    /** SQL words that may stand before a parenthesis. */
    private static final Set<String> KEYWORDS = Set.of("in", "as", "over", "filter", "where", "values", "and", "or", "not",
            "from", "select", "join", "on", "with", "then", "else", "when", "case", "partition", "by", "all", "except",
            "union", "intersect", "distinct", "using", "lateral", "is", "null", "end", "order", "desc", "asc", "limit");

    /** Constructs one engine reads and the other refuses or reads otherwise, with why. */
    static final Map<String, String> ENGINE_ONLY = Map.ofEntries(
            Map.entry("(?i)\\bQUALIFY\\b", "QUALIFY (use a window and WHERE)"),
            Map.entry("::", ":: cast (use CAST)"),
            Map.entry("//", "// integer division"),
            Map.entry("\\[", "list literal or subscript (dialect listLiteral/listElement)"),
            Map.entry("\\{", "struct literal (dialect struct)"),
            Map.entry("(?i)\\bCREATE\\b", "CREATE TABLE (SqlEngine.materialize)"),
            Map.entry("(?i)GROUP\\s+BY\\s+(ALL\\b|\\d)", "GROUP BY ALL or by position (name the expressions)"),
            Map.entry("(?i)ORDER\\s+BY\\s+\\d", "ORDER BY position"),
            Map.entry("(?i)\\b(HUGEINT|UBIGINT|UINTEGER|VARCHAR|STRING)\\b", "engine-specific type name"),
            Map.entry("(?i)\\browid\\b", "rowid (dialect rowOrdinal)"),
            Map.entry("(?i)\\bNOT\\s+MATERIALIZED\\b", "NOT MATERIALIZED (dialect inlinedCte)"),
            Map.entry("\"", "identifier quoted by hand (quoteIdentifier)"),
            Map.entry("`", "identifier quoted by hand (quoteIdentifier)"),
            Map.entry("\\|\\|", "|| concatenation (dialect)"),
            Map.entry("(?i)\\bEXCLUDE\\b|\\bREPLACE\\s*\\(", "star modifiers"));

    private static final Pattern CALL = Pattern.compile("\\b([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");
    private static final Pattern LITERAL = Pattern.compile("'(?:[^']|'')*'");

    private PortableSql() {
    }

    /** The problems of one statement, empty when it is portable. */
    static List<String> problems(String statement) {
        String own = withoutDialect(statement);
        List<String> problems = new ArrayList<>();
        Matcher literal = LITERAL.matcher(own);
        StringBuilder rest = new StringBuilder();
        while (literal.find()) {
            if (literal.group().contains("\\")) {
                problems.add("backslash in a literal written by hand: " + literal.group());
            }
            literal.appendReplacement(rest, "''");
        }
        literal.appendTail(rest);
        String text = rest.toString();
        ENGINE_ONLY.forEach((pattern, why) -> {
            if (Pattern.compile(pattern).matcher(text).find()) {
                problems.add(why);
            }
        });
        Matcher call = CALL.matcher(text);
        while (call.find()) {
            String name = call.group(1).toLowerCase(Locale.ROOT);
            boolean alias = text.substring(0, call.start()).matches("(?s).*\\bAS\\s+$"); // a table alias with column names
            if (!alias && !KEYWORDS.contains(name) && !PORTABLE_FUNCTIONS.contains(name)) {
                problems.add("function " + call.group(1) + " (not known to read alike on both engines)");
            }
        }
        return problems;
    }

    /** The statement with the dialect's expressions (between markers, nested) left out. */
    static String withoutDialect(String statement) {
        StringBuilder own = new StringBuilder();
        int depth = 0;
        int i = 0;
        while (i < statement.length()) {
            if (statement.startsWith(RecordingEngine.OPEN, i)) {
                depth++;
                i += RecordingEngine.OPEN.length();
                if (depth == 1) {
                    own.append(" x ");
                }
            } else if (statement.startsWith(RecordingEngine.CLOSE, i)) {
                depth--;
                i += RecordingEngine.CLOSE.length();
            } else {
                if (depth == 0) {
                    own.append(statement.charAt(i));
                }
                i++;
            }
        }
        return own.toString();
    }
}
