package dev.assay.dsl.duplicates;

import dev.assay.dsl.engine.Column;

/**
 * A {@link Match} resolved against a dataset's schema: the key columns, and for near
 * duplicates the one text column whose texts are compared ({@code null} otherwise).
 */
public record Comparison(KeyColumns keys, Column text, Double near) {

    public Comparison {
        if ((text == null) != (near == null)) {
            throw new IllegalArgumentException("a near threshold needs a text column, and only then");
        }
    }

    public boolean isNear() {
        return near != null;
    }
}
