package dev.assay.dsl.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link CDoubleFormat#g17} against DuckDB's own printf('%.17g', x), which fingerprints use today. */
class CDoubleFormatTest {

    @Test
    void equalsDuckDbsPrintfOnRandomBitPatternsAndEdgeCases() throws SQLException {
        List<Double> values = new ArrayList<>(edgeCases());
        SplittableRandom random = new SplittableRandom(23);
        for (int i = 0; i < 4000; i++) {
            double x = Double.longBitsToDouble(random.nextLong()); // every exponent, subnormals included
            if (!Double.isNaN(x)) {
                values.add(x);
            }
        }
        for (int i = 0; i < 2000; i++) {
            values.add((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-8, 22))); // where %g switches notation
            values.add((double) random.nextLong(-1_000_000_000_000_000_000L, 1_000_000_000_000_000_000L)); // large integers
        }
        List<String> duckDb = DuckDbOverValues.apply(values, "DOUBLE", "printf('%.17g', v)");
        int checked = 0;
        for (int i = 0; i < values.size(); i++) {
            assertEquals(duckDb.get(i), CDoubleFormat.g17(values.get(i)),
                    "bits " + Long.toHexString(Double.doubleToRawLongBits(values.get(i))));
            checked++;
        }
        assertTrue(checked > 8000);
    }

    @Test
    void readsBackAsTheSameDouble() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            double x = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(x)) {
                assertEquals(Double.doubleToRawLongBits(x), Double.doubleToRawLongBits(Double.parseDouble(CDoubleFormat.g17(x))));
            }
        }
    }

    static List<Double> edgeCases() {
        List<Double> out = new ArrayList<>(List.of(0.0, -0.0, 0.1, -0.1, 1.0, -1.0, 1e-4, 9.99999999999999e-5, 1e-5,
                1e16, 1e17, 9.9999999999999998e16, 1e20, 1e300, 1e-300, 123456789012345678.0, 0.5, 2.5, 1.5e-323,
                Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Math.PI, Math.E, 1.0 / 3, 2.0 / 3,
                (double) (float) 0.1, 100.0, 1234567.0, 0.000123, 12345678901234567890.0, 4.35, 0.30000000000000004));
        for (int e = -20; e <= 25; e++) {
            out.add(Math.pow(10, e));
            out.add(Math.nextUp(Math.pow(10, e)));
            out.add(Math.nextDown(Math.pow(10, e)));
        }
        for (int e = 50; e <= 70; e++) {
            out.add(Math.scalb(1.0, e)); // integers with more than 17 digits: rounding ties at the 17th digit
            out.add(Math.scalb(1.0, e) + Math.scalb(1.0, e - 52));
        }
        return out;
    }
}
