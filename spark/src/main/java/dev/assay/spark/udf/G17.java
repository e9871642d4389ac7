package dev.assay.spark.udf;

import dev.assay.dsl.functions.CDoubleFormat;
import org.apache.spark.sql.api.java.UDF1;

/** {@code assay_g17(double)}: a double as C's printf("%.17g") prints it (a fingerprint's doubles). */
public final class G17 implements UDF1<Double, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String call(Double value) {
        return value == null ? null : CDoubleFormat.g17(value);
    }
}
