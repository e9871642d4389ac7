package dev.assay.dsl.engine;

import java.util.List;
import java.util.Set;

/**
 * The words an engine's SQL knows, for completion: its keywords (lower case), those of them an
 * identifier must be quoted to use (a column named {@code table}), and its function names
 * (lower case; table functions, which come after FROM, apart).
 */
public record SqlVocabulary(List<String> keywords, Set<String> reservedKeywords, List<String> functions,
        List<String> tableFunctions) {
}
