package dev.assay.dsl.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Where a dataset's rows came from: the pinned versions it was made from and the statements
 * that made it from them, oldest first. A dataset loaded from a pin has that version as its
 * only parent and no operations; one loaded from a file has no parent and its load statement.
 */
public record Provenance(List<Parent> parents, List<String> operations) {

    /** Made by something Assay did not see (SQL that created a table, say). */
    public static final Provenance UNKNOWN = new Provenance(List.of(), List.of());

    public Provenance {
        parents = List.copyOf(parents);
        operations = List.copyOf(operations);
    }

    public static Provenance pinned(Parent version) {
        return new Provenance(List.of(version), List.of());
    }

    public static Provenance made(String operation) {
        return new Provenance(List.of(), List.of(operation));
    }

    /**
     * What a statement reading {@code sources} made: their parents together (each once), their
     * operations together (each once, in order), then the statement.
     */
    public static Provenance derived(List<Provenance> sources, String operation) {
        LinkedHashSet<Parent> parents = new LinkedHashSet<>();
        LinkedHashSet<String> operations = new LinkedHashSet<>();
        for (Provenance p : sources) {
            parents.addAll(p.parents());
            operations.addAll(p.operations());
        }
        List<String> all = new ArrayList<>(operations);
        all.add(operation);
        return new Provenance(new ArrayList<>(parents), all);
    }
}
