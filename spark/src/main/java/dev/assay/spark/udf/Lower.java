package dev.assay.spark.udf;

import dev.assay.dsl.functions.TextNormalizer;
import org.apache.spark.sql.api.java.UDF1;

/** {@code assay_lower(text)}: lower case code point by code point, as DuckDB's lower. */
public final class Lower implements UDF1<String, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String call(String text) {
        return text == null ? null : TextNormalizer.lower(text);
    }
}
