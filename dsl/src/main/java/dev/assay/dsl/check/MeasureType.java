package dev.assay.dsl.check;

import java.util.List;
import java.util.function.Function;

/**
 * An extension's measure as the language writes it: its name, and how to build it from the
 * arguments between the parentheses (column names, or none). {@code build} checks the
 * arguments and throws {@link IllegalArgumentException} saying what the measure takes.
 */
public record MeasureType(String name, Function<List<String>, ? extends CustomMeasure> build) {
}
