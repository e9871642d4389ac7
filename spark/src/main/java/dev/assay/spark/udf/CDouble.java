package dev.assay.spark.udf;

import org.apache.spark.sql.api.java.UDF1;

/** Spark's face of Assay's C-style %.17g text of a double (the fingerprint's doubles). */
public final class CDouble implements UDF1<Double, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String call(Double value) {
        return value == null ? null : String.format("%.17g", value);
    }
}
