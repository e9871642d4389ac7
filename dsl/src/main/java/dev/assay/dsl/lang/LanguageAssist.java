package dev.assay.dsl.lang;

import dev.assay.dsl.check.Measure;
import dev.assay.dsl.check.MeasureSyntax;
import dev.assay.dsl.engine.Column;
import dev.assay.dsl.store.VersionRef;
import dev.assay.dsl.workspace.Dataset;
import dev.assay.dsl.workspace.Workspace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Help while typing the language: completion of keywords, dataset names and column names by
 * what the cursor's place in the statement calls for, and a description of the dataset under
 * the cursor (schema and row count). Works on text that need not parse yet.
 */
public final class LanguageAssist {

    private static final StatementRegistry STATEMENTS = StatementRegistry.builtIn();
    /** Words after which a dataset name comes: statements' keywords and their own words (like {@code vs}). */
    private static final Set<String> BEFORE_DATASET = completionWords(c -> c.datasetAfter().stream(), true);
    /** Words after which a column name comes. */
    private static final Set<String> BEFORE_COLUMN = completionWords(c -> c.columnsAfter().stream(), false);
    /** Words after which a version label in quotes comes. */
    private static final Set<String> LABEL_BEFORE = completionWords(c -> c.labelAfter().stream(), false);
    /** Every statement's clause keywords. */
    private static final List<String> CLAUSES = List.copyOf(completionWords(c -> c.clauses().stream(), false));
    /** Words after which one of a fixed set of values comes, as {@code using} takes a drift method. */
    private static final Map<String, List<String>> VALUES_AFTER = valuesAfter();
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private LanguageAssist() {
    }

    /** Completions for the word ending at {@code cursor}, and the range of text they replace. */
    public record Completions(List<String> matches, int start, int end) {
    }

    public static Completions complete(String text, int cursor, Workspace workspace) {
        int start = cursor;
        while (start > 0 && isWordChar(text.charAt(start - 1))) {
            start--;
        }
        int end = cursor;
        while (end < text.length() && isWordChar(text.charAt(end))) {
            end++;
        }
        String typed = text.substring(start, cursor);
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        String line = text.substring(lineStart, start);
        if (line.chars().filter(c -> c == '\'').count() % 2 == 1 && !line.contains("#")) {
            return labels(text, lineStart + line.lastIndexOf('\''), cursor, workspace);
        }
        if (line.contains("#")) {
            return new Completions(List.of(), start, end); // inside a comment
        }
        String before = continuedFrom(text, lineStart) + line;
        List<String> words = words(before);
        String previous = words.isEmpty() ? "" : words.get(words.size() - 1).toLowerCase(Locale.ROOT);
        boolean afterComma = before.stripTrailing().endsWith(",");
        boolean afterEquals = before.stripTrailing().endsWith("=") && !before.contains(":");

        List<String> candidates = new ArrayList<>();
        List<String> datasets = workspace.datasets();
        boolean inRules = !words.isEmpty() && words.get(0).equalsIgnoreCase("check") && before.contains(":");
        boolean inParentheses = before.lastIndexOf('(') > before.lastIndexOf(')');
        if (inRules && !inParentheses && (afterComma || before.stripTrailing().endsWith(":"))) {
            candidates.addAll(Measure.names());
        } else if (inRules && inParentheses && datasetArgument(before)) {
            candidates.addAll(datasets); // drift(REFERENCE), new_labels(LABEL, OTHER)
        } else if (afterEquals) {
            candidates.addAll(STATEMENTS.bindingKeywords());
        } else if (words.isEmpty()) {
            candidates.addAll(STATEMENTS.keywords());
            candidates.addAll(datasets); // the start of "name = ..."
        } else if (valuesAfter(words, previous).isPresent()) {
            candidates.addAll(valuesAfter(words, previous).get());
        } else if (BEFORE_COLUMN.contains(previous) || inRules && inParentheses
                || afterComma && inColumnList(words)) {
            // In a check's parentheses: missing(col), duplicates(a, b).
            candidates.addAll(columnsOf(words, datasets, workspace));
        } else if (BEFORE_DATASET.contains(previous) || afterComma) {
            candidates.addAll(datasets);
        } else {
            candidates.addAll(CLAUSES);
        }
        String lower = typed.toLowerCase(Locale.ROOT);
        List<String> matches = new ArrayList<>(new LinkedHashSet<>(candidates.stream()
                .filter(c -> c.toLowerCase(Locale.ROOT).startsWith(lower))
                .sorted(String.CASE_INSENSITIVE_ORDER).toList()));
        return new Completions(matches, start, end);
    }

    /**
     * Inside a quoted string: the store's labels where a label comes ({@code pin X as '},
     * {@code versions '}, {@code load pin '}, {@code diff '}, {@code fingerprint = '}), nothing elsewhere (paths, say).
     */
    private static Completions labels(String text, int quote, int cursor, Workspace workspace) {
        int end = cursor;
        while (end < text.length() && VersionRef.isLabelChar(text.charAt(end))) {
            end++;
        }
        String typed = text.substring(quote + 1, cursor);
        List<String> words = words(text.substring(text.lastIndexOf('\n', quote) + 1, quote));
        String previous = words.isEmpty() ? "" : words.get(words.size() - 1).toLowerCase(Locale.ROOT);
        if (!LABEL_BEFORE.contains(previous) || !typed.chars().allMatch(c -> VersionRef.isLabelChar((char) c))) {
            return new Completions(List.of(), cursor, cursor);
        }
        List<String> matches;
        try {
            matches = workspace.store().labels().stream().filter(l -> l.startsWith(typed)).toList();
        } catch (RuntimeException e) {
            matches = List.of(); // an unreadable store completes nothing; pin and load say why
        }
        return new Completions(matches, quote + 1, end);
    }

    /**
     * The schema and row count of the dataset named by the word at {@code cursor}, if it is
     * one; the help line of the statement whose keyword it is, if it is one.
     */
    public static Optional<String> describe(String text, int cursor, Workspace workspace) {
        int start = Math.min(cursor, text.length());
        while (start > 0 && isWordChar(text.charAt(start - 1))) {
            start--;
        }
        int end = Math.min(cursor, text.length());
        while (end < text.length() && isWordChar(text.charAt(end))) {
            end++;
        }
        String word = text.substring(start, end);
        if (word.isEmpty()) {
            return Optional.empty();
        }
        if (!workspace.datasets().contains(word)) {
            return STATEMENTS.find(word).map(StatementType::help); // a statement keyword: how it is written
        }
        Dataset dataset = workspace.dataset(word);
        List<Column> schema = dataset.schema();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "dataset %s: %,d rows, %d columns%n",
                word, dataset.count(), schema.size()));
        int width = schema.stream().mapToInt(c -> c.name().length()).max().orElse(0);
        for (Column c : schema) {
            out.append(String.format(Locale.ROOT, "  %-" + width + "s  %s%n", c.name(), c.type().toLowerCase(Locale.ROOT)));
        }
        return Optional.of(out.toString().stripTrailing());
    }

    /** The words every statement's completion contexts name; with {@code keywords}, also the keywords a dataset follows. */
    private static Set<String> completionWords(Function<StatementType.Completion, Stream<String>> part, boolean keywords) {
        Set<String> words = new TreeSet<>();
        for (StatementType type : STATEMENTS.types()) {
            part.apply(type.completion()).forEach(words::add);
            if (keywords && type.completion().datasetAfterKeyword()) {
                words.add(type.keyword());
            }
        }
        return Set.copyOf(words);
    }

    /**
     * Values after a word shared by every statement: those of words that no other statement
     * uses as a clause ({@code to} takes an engine in {@code copy}, a file in {@code report}),
     * nor as its keyword ({@code check} takes {@code for} in {@code suggest check}, a dataset on its own).
     */
    private static Map<String, List<String>> valuesAfter() {
        Map<String, List<String>> values = new HashMap<>();
        STATEMENTS.types().forEach(t -> t.completion().valuesAfter().forEach((word, list) -> {
            if (STATEMENTS.types().stream().noneMatch(o -> o != t && (o.completion().clauses().contains(word)
                    || o.keyword().equalsIgnoreCase(word)))) {
                values.put(word, list);
            }
        }));
        return Map.copyOf(values);
    }

    /** The values after {@code previous} in the statement the line is (its keyword is the first keyword of the line). */
    private static Optional<List<String>> valuesAfter(List<String> words, String previous) {
        Optional<StatementType> statement = words.stream().map(w -> STATEMENTS.find(w)).flatMap(Optional::stream)
                .findFirst();
        List<String> own = statement.map(t -> t.completion().valuesAfter().get(previous)).orElse(null);
        return Optional.ofNullable(own != null ? own : VALUES_AFTER.get(previous));
    }

    /** Whether the cursor is at an argument that names a dataset, for the measure whose parenthesis is open. */
    private static boolean datasetArgument(String before) {
        int open = before.lastIndexOf('(');
        List<String> measure = words(before.substring(0, open));
        int index = (int) before.substring(open).chars().filter(c -> c == ',').count();
        return !measure.isEmpty() && MeasureSyntax.takesDatasetAt(measure.get(measure.size() - 1), index);
    }

    private static boolean isWordChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.replaceAll("'([^'\\\\]|\\\\.)*'", " "));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /** The earlier lines of a statement that goes on past a line ending in a comma (see Lexer). */
    private static String continuedFrom(String text, int lineStart) {
        StringBuilder lines = new StringBuilder();
        int end = lineStart - 1; // the newline before this line
        while (end > 0) {
            int start = text.lastIndexOf('\n', end - 1) + 1;
            String previous = text.substring(start, end);
            int comment = previous.indexOf('#');
            String code = (comment >= 0 ? previous.substring(0, comment) : previous).stripTrailing();
            if (!code.endsWith(",")) {
                break;
            }
            lines.insert(0, code + " ");
            end = start - 1;
        }
        return lines.toString();
    }

    /** After a comma: in a column list when a column keyword came after the last dataset keyword. */
    private static boolean inColumnList(List<String> words) {
        for (int i = words.size() - 1; i >= 0; i--) {
            String w = words.get(i).toLowerCase(Locale.ROOT);
            if (BEFORE_COLUMN.contains(w)) {
                return true;
            }
            if (BEFORE_DATASET.contains(w)) {
                return false;
            }
        }
        return false;
    }

    /** Columns of the first dataset the line names. */
    private static List<String> columnsOf(List<String> words, List<String> datasets, Workspace workspace) {
        for (String w : words) {
            if (datasets.contains(w)) {
                return workspace.dataset(w).schema().stream().map(Column::name).toList();
            }
        }
        return List.of();
    }
}
