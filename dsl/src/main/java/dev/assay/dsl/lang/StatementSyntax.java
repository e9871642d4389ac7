package dev.assay.dsl.lang;

import java.util.List;

/** A {@link StatementType} made of its parts, for statements that need nothing more. */
public record StatementSyntax(String keyword, Binding binding, String help, Completion completion,
                              List<Class<?>> javaApi, Reading reading) implements StatementType {

    /** Reads a statement after its keyword (see {@link StatementType#parse}). */
    @FunctionalInterface
    public interface Reading {
        Statement read(StatementReader in, List<String> targets, Position at);
    }

    public StatementSyntax {
        javaApi = List.copyOf(javaApi);
    }

    @Override
    public Statement parse(StatementReader in, List<String> targets, Position at) {
        return reading.read(in, targets, at);
    }
}
