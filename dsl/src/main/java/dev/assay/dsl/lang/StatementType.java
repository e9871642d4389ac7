package dev.assay.dsl.lang;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One kind of statement, everything the language knows of it in one place: its keyword, how
 * it is written (whether it binds names), how its clauses parse, where completion offers
 * what, its help line, and the Java API types a notebook gets imported for it. The parser,
 * completion, help, the interpreter and the Java imports all derive from the
 * {@link StatementRegistry} of these.
 */
public interface StatementType {

    /** How a statement binds names: {@code KEYWORD ...}, {@code NAME = KEYWORD ...}, or {@code A, B = KEYWORD ...}. */
    enum Binding { NONE, ONE, SEVERAL }

    String keyword();

    Binding binding();

    /**
     * Reads the statement after its keyword. {@code targets} are the names left of {@code =}
     * (none when it binds none); {@code at} is where the statement starts.
     */
    Statement parse(StatementReader in, List<String> targets, Position at);

    /** One line: the statement as written, optional parts in brackets. */
    String help();

    /** Where completion offers what inside this statement. */
    Completion completion();

    /** Types of the Java API that do what this statement does, imported into every notebook's Java cells. */
    default List<Class<?>> javaApi() {
        return List.of();
    }

    /**
     * Completion contexts: whether a dataset name follows the keyword, the clause keywords,
     * the words after which a dataset, a column, a version label in quotes, or one of a fixed
     * set of values (like drift methods) comes.
     */
    record Completion(boolean datasetAfterKeyword, List<String> clauses, List<String> datasetAfter,
                      List<String> columnsAfter, List<String> labelAfter, Map<String, List<String>> valuesAfter) {

        public Completion {
            clauses = List.copyOf(clauses);
            datasetAfter = List.copyOf(datasetAfter);
            columnsAfter = List.copyOf(columnsAfter);
            labelAfter = List.copyOf(labelAfter);
            valuesAfter = Map.copyOf(valuesAfter);
        }

        /** A statement whose keyword a dataset name follows, with these clauses and nothing else special. */
        public static Completion ofDataset(String... clauses) {
            return new Completion(true, List.of(clauses), List.of(), List.of(), List.of(), Map.of());
        }

        public Completion columnsAfter(String... words) {
            return new Completion(datasetAfterKeyword, clauses, datasetAfter, List.of(words), labelAfter, valuesAfter);
        }

        public Completion datasetAfter(String... words) {
            return new Completion(datasetAfterKeyword, clauses, List.of(words), columnsAfter, labelAfter, valuesAfter);
        }

        public Completion labelAfter(String... words) {
            return new Completion(datasetAfterKeyword, clauses, datasetAfter, columnsAfter, List.of(words), valuesAfter);
        }

        /** One more word after which one of {@code values} comes; called again, it adds another word. */
        public Completion valuesAfter(String word, List<String> values) {
            Map<String, List<String>> more = new HashMap<>(valuesAfter);
            more.put(word, values);
            return new Completion(datasetAfterKeyword, clauses, datasetAfter, columnsAfter, labelAfter, more);
        }

        /** No dataset after the keyword. */
        public Completion noDatasetAfterKeyword() {
            return new Completion(false, clauses, datasetAfter, columnsAfter, labelAfter, valuesAfter);
        }
    }
}
