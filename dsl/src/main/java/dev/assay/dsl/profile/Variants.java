package dev.assay.dsl.profile;

import java.util.List;

/**
 * The variants of a text column: {@code groups} of two or more distinct values equal under
 * {@code normalize}, the {@code rows} holding a value of one of them, and up to
 * {@link TextIntegrity#VARIANT_EXAMPLES} groups as examples (most rows first, then by first
 * value; each group's values sorted by code point, at most {@link VariantScan#VALUES_SHOWN}).
 */
record Variants(long groups, long rows, List<List<String>> examples) {

    static final Variants NONE = new Variants(0, 0, List.of());

    Variants {
        examples = examples.stream().map(List::copyOf).toList();
    }
}
