package dev.assay.dsl.lang;

import dev.assay.dsl.check.Measure;
import dev.assay.dsl.check.Operator;
import dev.assay.dsl.check.Rule;
import dev.assay.dsl.drift.DriftMethod;
import dev.assay.dsl.naming.Excerpt;
import dev.assay.dsl.naming.Suggestions;
import dev.assay.dsl.profile.PhoneRegions;
import dev.assay.dsl.split.SplitPlan;
import dev.assay.dsl.store.VersionRef;
import dev.assay.dsl.workspace.DiffSide;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The language of DESIGN.md, one statement a line. Keywords are case-insensitive; the
 * optional clauses of a statement may come in any order, each once. Errors name the line and
 * column, what was expected, what was found, and the closest keyword when one was misspelt.
 */
public final class Parser {

    static final List<String> STATEMENTS = List.of("load", "show", "profile", "duplicates", "dedup", "split",
            "leakage", "drift", "pin", "versions", "diff", "check", "report");
    /** The statements that can bind a name: {@code name = load ...}, {@code dedup}, {@code split}. */
    static final List<String> BINDING_STATEMENTS = List.of("load", "dedup", "split");
    /** The option of {@code profile ... with (...)}: the regions of national phone formats. */
    static final String PHONE_REGIONS = "phone_regions";
    static final List<String> DRIFT_METHODS = Stream.concat(DriftMethod.keywords().stream(), Stream.of("auto")).toList();

    private final List<Token> tokens;
    private int next;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Every statement of a cell; blank and comment lines are skipped. */
    public static List<Statement> parse(String cell) {
        return new Parser(Lexer.tokens(cell)).statements();
    }

    private List<Statement> statements() {
        List<Statement> statements = new ArrayList<>();
        while (peek().kind() != Token.Kind.END) {
            if (peek().kind() == Token.Kind.NEWLINE) {
                next++;
                continue;
            }
            statements.add(statement());
            Token after = peek();
            if (after.kind() != Token.Kind.NEWLINE && after.kind() != Token.Kind.END) {
                throw error(after, "expected the end of the statement");
            }
        }
        return statements;
    }

    private Statement statement() {
        Token first = peek();
        if (first.kind() != Token.Kind.WORD) {
            throw error(first, "expected a statement (" + String.join(", ", STATEMENTS) + ")");
        }
        String keyword = first.text().toLowerCase(Locale.ROOT);
        if (!STATEMENTS.contains(keyword) || peekAt(1).isSymbol("=") || peekAt(1).isSymbol(",")) {
            if (peekAt(1).isSymbol("=") || peekAt(1).isSymbol(",")) {
                return assignment();
            }
            throw new ParseException(first.position(), "unknown statement '" + Excerpt.of(first.text()) + "'"
                    + Suggestions.didYouMean(first.text(), STATEMENTS) + "; statements: " + String.join(", ", STATEMENTS));
        }
        next++;
        return switch (keyword) {
            case "show" -> show(first);
            case "profile" -> profile(first);
            case "duplicates" -> duplicates(first);
            case "leakage" -> leakage(first);
            case "drift" -> drift(first);
            case "pin" -> pin(first);
            case "versions" -> new Statement.Versions(label("a version label in quotes, like 'reviews-train'"), first.position());
            case "diff" -> diff(first);
            case "check" -> check(first);
            case "report" -> report(first);
            default -> throw new ParseException(first.position(), "'" + keyword + "' makes a dataset: write NAME = "
                    + keyword + " ...");
        };
    }

    /** {@code NAME = load|dedup ...} and {@code A, B, C = split ...}. */
    private Statement assignment() {
        Position at = peek().position();
        List<String> targets = new ArrayList<>();
        targets.add(name("a dataset name"));
        while (acceptSymbol(",")) {
            targets.add(name("a dataset name"));
        }
        expectSymbol("=");
        Token verb = peek();
        String word = verb.kind() == Token.Kind.WORD ? verb.text().toLowerCase(Locale.ROOT) : "";
        if (word.equals("split")) {
            next++;
            return split(targets, at);
        }
        if (targets.size() > 1) {
            throw error(verb, "expected 'split' (only split makes several datasets)");
        }
        String target = targets.get(0);
        switch (word) {
            case "load" -> {
                next++;
                return load(target, at);
            }
            case "dedup" -> {
                next++;
                String dataset = name("a dataset name");
                Clauses c = clauses(Set.of("on", "near"));
                return new Statement.Dedup(target, dataset, c.on, c.near, at);
            }
            default -> throw new ParseException(verb.position(), "expected load, dedup or split after '='"
                    + (verb.kind() == Token.Kind.WORD ? ", found '" + Excerpt.of(verb.text()) + "'"
                            + Suggestions.didYouMean(verb.text(), BINDING_STATEMENTS) : ", found " + verb.describe()));
        }
    }

    private Statement load(String target, Position at) {
        boolean pin = acceptWord("pin");
        String path = pin ? versionRef("a version label in quotes, like 'reviews-train@2'")
                : string("a path in quotes, like 'data/reviews.csv'");
        Map<String, Object> options = new LinkedHashMap<>();
        if (acceptWord("with")) {
            if (pin) {
                throw new ParseException(tokens.get(next - 1).position(), "a pinned version takes no options");
            }
            options = options(null);
        }
        return new Statement.Load(target, path, pin, options, at);
    }

    /**
     * {@code (key=value, ...)} after {@code with}; keys lower-cased, each once. With {@code known}
     * given, another key is refused at its position with the closest known one.
     */
    private Map<String, Object> options(Set<String> known) {
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

    /** {@code profile NAME [on COLS] [with (phone_regions='GB,US')]}. */
    private Statement profile(Token first) {
        String dataset = name("a dataset name");
        List<String> columns = optionalColumns("on");
        PhoneRegions regions = null;
        if (acceptWord("with")) {
            Token value = peekAt(3); // ( phone_regions = VALUE: the only option, so the only value
            Map<String, Object> options = options(Set.of(PHONE_REGIONS));
            Object codes = options.get(PHONE_REGIONS);
            if (!(codes instanceof String text)) {
                throw new ParseException(value.position(), PHONE_REGIONS + " takes region codes in quotes, like '"
                        + String.join(",", PhoneRegions.DEFAULT_CODES) + "'");
            }
            regions = atPosition(value, () -> PhoneRegions.parse(text));
        }
        return new Statement.Profile(dataset, columns, regions, first.position());
    }

    private Statement show(Token first) {
        String dataset = name("a dataset name");
        Integer limit = null;
        if (acceptWord("limit")) {
            limit = (int) count("a row count", Integer.MAX_VALUE);
        }
        return new Statement.Show(dataset, limit, first.position());
    }

    private Statement duplicates(Token first) {
        String dataset = name("a dataset name");
        Clauses c = clauses(Set.of("on", "near"));
        return new Statement.Duplicates(dataset, c.on, c.near, first.position());
    }

    private Statement leakage(Token first) {
        String left = name("a dataset name");
        expectSymbol(",");
        String right = name("a second dataset name");
        Clauses c = clauses(Set.of("on", "near"));
        return new Statement.Leakage(left, right, c.on, c.near, first.position());
    }

    private Statement split(List<String> targets, Position at) {
        String dataset = name("the dataset to split");
        List<BigDecimal> parts = new ArrayList<>();
        Token start = peek();
        parts.add(percentage("percentages like 80/10/10"));
        while (acceptSymbol("/")) {
            parts.add(percentage("a percentage"));
        }
        if (parts.size() != targets.size()) {
            throw new ParseException(start.position(), parts.size() + " percentages for " + targets.size()
                    + " names: give one percentage for each of " + String.join(", ", targets));
        }
        BigDecimal sum = parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(BigDecimal.valueOf(100)) != 0) {
            throw new ParseException(start.position(), "the percentages add up to " + sum.stripTrailingZeros().toPlainString()
                    + ", not 100");
        }
        Clauses c = clauses(Set.of("by", "stratify", "group", "order", "seed", "exact"));
        return new Statement.Split(targets, dataset, parts, c.by, c.stratify, c.group, c.orderBy, c.seed, c.exact, at);
    }

    /** A part's percentage, checked where it is written by the plan's own rule. */
    private BigDecimal percentage(String what) {
        Token t = peek();
        BigDecimal p = number(what);
        String problem = SplitPlan.percentageProblem(p);
        if (problem != null) {
            throw new ParseException(t.position(), problem);
        }
        return p;
    }

    private Statement drift(Token first) {
        String reference = name("the reference dataset");
        expectWord("vs");
        String current = name("the current dataset");
        Clauses c = clauses(Set.of("on", "using", "threshold"));
        if (c.using != null && c.threshold != null && c.thresholdAt != null) {
            DriftMethod method = DriftMethod.of(c.using);
            String problem = method == null ? null : method.thresholdProblem(c.threshold.doubleValue());
            if (problem != null) {
                throw new ParseException(c.thresholdAt, "threshold " + c.threshold.toPlainString() + " is out of range: " + problem);
            }
        }
        return new Statement.Drift(reference, current, c.on.columns(), c.using, c.threshold, first.position());
    }

    private Statement pin(Token first) {
        String dataset = name("a dataset name");
        expectWord("as");
        return new Statement.Pin(dataset, label("a version label in quotes, like 'reviews-train'"), first.position());
    }

    /** A label in quotes, checked here so that a bad one is reported at its line and column. */
    private String label(String what) {
        return checkedString(what, VersionRef::checkLabel);
    }

    /** {@code 'label@N'} or {@code 'label'} in quotes, checked where it is written. */
    private String versionRef(String what) {
        return checkedString(what, VersionRef::parse);
    }

    /** A string that {@code check} accepts; its refusal becomes an error at the string's position. */
    private String checkedString(String what, java.util.function.Consumer<String> check) {
        Token t = peek();
        String text = string(what);
        try {
            check.accept(text);
        } catch (IllegalArgumentException e) {
            throw new ParseException(t.position(), e.getMessage());
        }
        return text;
    }

    private Statement diff(Token first) {
        DiffSide from = diffSide("a version in quotes, like 'reviews-train@1', or a dataset name");
        DiffSide to = diffSide("a second version in quotes, or a dataset name");
        return new Statement.Diff(from, to, optionalColumns("on"), first.position());
    }

    private DiffSide diffSide(String what) {
        if (peek().kind() == Token.Kind.WORD && !peek().text().equalsIgnoreCase("on")) {
            return DiffSide.dataset(name(what));
        }
        return DiffSide.version(versionRef(what));
    }

    private Statement report(Token first) {
        String dataset = name("a dataset name");
        String versus = acceptWord("vs") ? name("the dataset to compare with") : null;
        String to = acceptWord("to") ? string("a file name in quotes, like 'report.html'") : null;
        return new Statement.Report(dataset, versus, to, first.position());
    }

    private Statement check(Token first) {
        String dataset = name("a dataset name");
        expectSymbol(":");
        List<Rule> rules = new ArrayList<>();
        List<Position> positions = new ArrayList<>();
        do {
            positions.add(peek().position());
            rules.add(rule());
        } while (acceptSymbol(","));
        return new Statement.Check(dataset, rules, positions, first.position());
    }

    /** {@code measure[(arguments)] comparison value[%]}; the measure's own rules are checked here, at its position. */
    private Rule rule() {
        Token start = peek();
        String name = name("a measure (" + String.join(", ", Measure.NAMES) + ")");
        List<String> arguments = new ArrayList<>();
        if (acceptSymbol("(")) {
            do {
                arguments.add(name("a column or dataset name"));
            } while (acceptSymbol(","));
            expectSymbol(")");
        }
        Measure measure = atPosition(start, () -> Measure.of(name, arguments));
        Token comparison = peek();
        Operator operator = comparison.kind() == Token.Kind.SYMBOL ? Operator.of(comparison.text()).orElse(null) : null;
        if (operator == null) {
            throw error(comparison, "expected a comparison (< <= = >= > !=)");
        }
        next++;
        Token value = peek();
        if (measure.isFingerprint()) {
            String expected = string("a fingerprint or a version in quotes, like 'sha256:…' or 'label@1'");
            return atPosition(value, () -> measure.compare(operator, expected));
        }
        BigDecimal limit = number("a number");
        Measure measured = acceptSymbol("%") ? atPosition(value, measure::percent) : measure;
        return measured.compare(operator, limit);
    }

    /** Runs a check of a value object and reports its refusal at {@code token}'s position. */
    private static <T> T atPosition(Token token, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new ParseException(token.position(), e.getMessage());
        }
    }

    /** The optional clauses of a statement, in any order, each at most once. */
    private final class Clauses {
        Statement.KeySpec on = Statement.KeySpec.ALL;
        BigDecimal near;
        List<String> by = List.of();
        String stratify;
        String group;
        String orderBy;
        Long seed;
        boolean exact;
        String using;
        BigDecimal threshold;
        Position thresholdAt;
    }

    private Clauses clauses(Set<String> allowed) {
        Clauses c = new Clauses();
        Set<String> seen = new java.util.HashSet<>();
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
            switch (clause) {
                case "on" -> {
                    List<String> columns = columns();
                    c.on = new Statement.KeySpec(columns, acceptWord("normalize"));
                }
                case "near" -> {
                    Token t = peek();
                    c.near = number("a similarity threshold between 0 and 1, like 0.8");
                    if (c.near.signum() <= 0 || c.near.compareTo(BigDecimal.ONE) > 0) {
                        throw new ParseException(t.position(), "the near threshold must be in (0, 1], got " + t.text());
                    }
                }
                case "by" -> c.by = columns();
                case "stratify" -> c.stratify = name("a column name");
                case "group" -> c.group = name("a column name");
                case "order" -> {
                    expectWord("by");
                    c.orderBy = name("a column name");
                }
                case "seed" -> c.seed = count("a whole number", Long.MAX_VALUE);
                case "exact" -> c.exact = true;
                case "using" -> {
                    Token t = peek();
                    String method = name("a drift method (" + String.join(", ", DRIFT_METHODS) + ")").toLowerCase(Locale.ROOT);
                    if (!DRIFT_METHODS.contains(method)) {
                        throw new ParseException(t.position(), "unknown drift method '" + Excerpt.of(t.text()) + "'"
                                + Suggestions.didYouMean(t.text(), DRIFT_METHODS) + "; methods: " + String.join(", ", DRIFT_METHODS));
                    }
                    c.using = method;
                }
                case "threshold" -> {
                    Token t = peek();
                    c.threshold = number("a threshold");
                    c.thresholdAt = t.position();
                    if (c.threshold.signum() < 0) {
                        throw new ParseException(t.position(), "the threshold must not be negative, got " + t.text());
                    }
                }
                default -> throw new IllegalStateException(clause);
            }
        }
        return c;
    }

    private List<String> optionalColumns(String keyword) {
        return acceptWord(keyword) ? columns() : List.of();
    }

    private List<String> columns() {
        List<String> columns = new ArrayList<>();
        do {
            columns.add(name("a column name"));
        } while (acceptSymbol(","));
        return columns;
    }

    private Object literal() {
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

    private String name(String what) {
        Token t = peek();
        if (t.kind() != Token.Kind.WORD) {
            throw error(t, "expected " + what);
        }
        next++;
        return t.text();
    }

    private String string(String what) {
        Token t = peek();
        if (t.kind() != Token.Kind.STRING) {
            throw error(t, "expected " + what);
        }
        next++;
        return t.text();
    }

    private BigDecimal number(String what) {
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
    private long count(String what, long max) {
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

    private void expectWord(String keyword) {
        Token t = peek();
        if (!t.isWord(keyword)) {
            throw error(t, "expected '" + keyword + "'");
        }
        next++;
    }

    private boolean acceptWord(String keyword) {
        if (peek().isWord(keyword)) {
            next++;
            return true;
        }
        return false;
    }

    private void expectSymbol(String symbol) {
        Token t = peek();
        if (!t.isSymbol(symbol)) {
            throw error(t, "expected '" + symbol + "'");
        }
        next++;
    }

    private boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            next++;
            return true;
        }
        return false;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(next + ahead, tokens.size() - 1));
    }

    private static ParseException error(Token found, String expected) {
        return new ParseException(found.position(), expected + ", found " + found.describe());
    }
}
