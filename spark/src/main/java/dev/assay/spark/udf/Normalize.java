package dev.assay.spark.udf;

import dev.assay.dsl.functions.TextNormalizer;
import org.apache.spark.sql.api.java.UDF1;

/** {@code assay_normalize(text)}: text as {@code normalize} compares it, DuckDB's way on every engine. */
public final class Normalize implements UDF1<String, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String call(String text) {
        return text == null ? null : TextNormalizer.normalize(text);
    }
}
