package dev.assay.dsl.check;

/**
 * The one open kind of {@link Measure}: a measure an extension adds under its own name
 * ({@code check data: mymeasure(col) < 3}). It plans against a {@link CheckTarget} like the
 * built-in ones; it is named in the language by a {@link MeasureType} registered with the
 * extension (see docs/architecture.md, "Extensions").
 */
public non-sealed interface CustomMeasure extends Measure {
}
