package dev.assay.dsl.lang;

import dev.assay.dsl.statements.BuiltInStatements;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The statements the language knows, in the order they are listed to users, and who registered
 * each. Open: an extension (docs/architecture.md, "Extensions") registers its own into
 * {@link #builtIn()}, the registry the parser, completion and help read; the built-in ones are
 * there from the start, so the language works without a kernel.
 */
public final class StatementRegistry {

    private static final StatementRegistry BUILT_IN = withBuiltIns();

    /** Who registered the built-in statements. */
    public static final String BUILT_IN_ORIGIN = "Assay's built-in statements";

    private final List<StatementType> types = new CopyOnWriteArrayList<>();
    private final Map<String, String> origins = new ConcurrentHashMap<>();

    /** The registry of the built-in statements, shared by the parser, completion and help. */
    public static StatementRegistry builtIn() {
        return BUILT_IN;
    }

    /** A new registry holding the built-in statements, to which more may be registered. */
    public static StatementRegistry withBuiltIns() {
        StatementRegistry registry = new StatementRegistry();
        BuiltInStatements.all().forEach(registry::register);
        return registry;
    }

    /** Adds a statement; its keyword must be a word no other statement has. */
    public void register(StatementType type) {
        register(type, BUILT_IN_ORIGIN);
    }

    /**
     * Adds a statement registered by {@code origin} (an extension's name). A keyword another
     * statement has is refused, naming both registrations.
     */
    public synchronized void register(StatementType type, String origin) {
        String keyword = type.keyword();
        if (keyword == null || !keyword.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("a statement keyword is a lower-case word, got '" + keyword + "'");
        }
        if (find(keyword).isPresent()) {
            throw new IllegalArgumentException("statement '" + keyword + "' of " + origin
                    + " is registered already by " + origins.get(keyword));
        }
        types.add(type);
        origins.put(keyword, origin);
    }

    /** Whether this very type is registered (not another of the same keyword). */
    public boolean holds(StatementType type) {
        return types.stream().anyMatch(t -> t == type);
    }

    public List<StatementType> types() {
        return List.copyOf(types);
    }

    /** The statement of a keyword, in any case. */
    public Optional<StatementType> find(String keyword) {
        String lower = keyword.toLowerCase(Locale.ROOT);
        return types.stream().filter(t -> t.keyword().equals(lower)).findFirst();
    }

    public List<String> keywords() {
        return types.stream().map(StatementType::keyword).toList();
    }

    /** The keywords of statements written {@code NAME = KEYWORD ...} or {@code A, B = KEYWORD ...}. */
    public List<String> bindingKeywords() {
        return types.stream().filter(t -> t.binding() != StatementType.Binding.NONE).map(StatementType::keyword).toList();
    }

    /** The keywords of statements that bind several names at once. */
    public List<String> severalBindingKeywords() {
        return types.stream().filter(t -> t.binding() == StatementType.Binding.SEVERAL).map(StatementType::keyword).toList();
    }

    /** Every statement's help line, in order. */
    public List<String> helpLines() {
        List<String> lines = new ArrayList<>();
        types.forEach(t -> lines.add(t.help()));
        return lines;
    }

    /** The Java API types of every statement, each once. */
    public List<Class<?>> javaApi() {
        return types.stream().flatMap(t -> t.javaApi().stream()).distinct().toList();
    }
}
