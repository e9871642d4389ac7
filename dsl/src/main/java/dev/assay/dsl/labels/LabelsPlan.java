package dev.assay.dsl.labels;

import dev.assay.dsl.duplicates.Match;

/**
 * What {@code labels} is asked: the label column, the features whose equal values make a
 * conflict ({@code by COLS [normalize] [near T]}, every column but the label by default) and the
 * dataset to compare the label with ({@code vs OTHER}, null when none). For example
 * {@code LabelsPlan.on("label").by(Match.on(List.of("text")).normalized().near(0.8)).vs("test")}.
 */
public record LabelsPlan(String label, Match features, String vs) {

    public static LabelsPlan on(String label) {
        return new LabelsPlan(label, Match.allColumns(), null);
    }

    public LabelsPlan by(Match byFeatures) {
        return new LabelsPlan(label, byFeatures, vs);
    }

    public LabelsPlan vs(String other) {
        return new LabelsPlan(label, features, other);
    }
}
