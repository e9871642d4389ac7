package dev.assay.dsl.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The margins of suggested bounds: beyond the observed value, rounded away from it, as docs/suggest.md states them. */
class MarginsTest {

    @Test
    void rowsMustReachNinetyPercentRoundedDown() {
        assertEquals(801, Margins.rows(891)); // 801.9
        assertEquals(900, Margins.rows(1000));
        assertEquals(0, Margins.rows(1));
        assertEquals(Long.MAX_VALUE / 10 * 9 + 6, Margins.rows(Long.MAX_VALUE), "no overflow");
    }

    @Test
    void sharesGrowToOneAndAHalfTimesPlusAPointRoundedUpToATenth() {
        assertEquals(new BigDecimal("1"), Margins.share(0));
        assertEquals(new BigDecimal("100"), Margins.share(66));
        assertEquals(new BigDecimal("30.8"), Margins.share(100.0 * 177 / 891)); // 19.865 -> 30.797...
        assertEquals(new BigDecimal("4"), Margins.share(2));
        for (double p : new double[] {0.01, 0.333, 12.5, 66}) {
            assertTrue(Margins.share(p).doubleValue() >= 1.5 * p + 1, "at least 1.5x + 1 above " + p);
        }
    }

    @Test
    void distinctValuesMayGrowByAFifthAndAtLeastOne() {
        assertEquals(2, Margins.distinct(1));
        assertEquals(4, Margins.distinct(3));
        assertEquals(12, Margins.distinct(10));
        assertEquals(24, Margins.distinct(20));
    }

    @Test
    void rangesWidenByATenthRoundedOutwardAndStayAtZeroWhenNothingIsNegative() {
        // 0.42 .. 80: margin 7.958 -> two significant digits (0.1), and 0 as no age is negative.
        assertEquals(BigDecimal.ZERO, Margins.lower(0.42, 80, false));
        assertEquals(new BigDecimal("88"), Margins.upper(0.42, 80, false)); // 87.958 -> 88.0
        assertEquals(new BigDecimal("-12"), Margins.lower(-10, 10, true)); // margin 2
        assertEquals(new BigDecimal("12"), Margins.upper(-10, 10, true));
        assertEquals(new BigDecimal("90"), Margins.lower(100, 200, true));
        assertEquals(new BigDecimal("3.94"), Margins.lower(4.3, 7.9, false)); // 4.3 - 0.36
        assertEquals(new BigDecimal("8.26"), Margins.upper(4.3, 7.9, false));
        assertEquals(new BigDecimal("0"), Margins.upper(-5, -1, true), "not above 0 when no value is positive");
    }

    @Test
    void aConstantColumnWidensByATenthOfItsValueOrByOne() {
        assertEquals(new BigDecimal("4.5"), Margins.lower(5, 5, false));
        assertEquals(new BigDecimal("5.5"), Margins.upper(5, 5, false));
        assertEquals(BigDecimal.ZERO, Margins.lower(0, 0, true), "0 is not negative: the bound stays at 0");
        assertEquals(BigDecimal.ZERO, Margins.upper(0, 0, true), "nor positive: a column of zeros stays zero");
    }

    @Test
    void boundsAreNeverTighterThanTheData() {
        double[][] ranges = {{0.001, 0.002}, {-3.7, 12.25}, {1e6, 1e6 + 3}, {123456789, 987654321}, {-0.5, -0.25}};
        for (double[] r : ranges) {
            for (boolean integers : new boolean[] {false, true}) {
                assertTrue(Margins.lower(r[0], r[1], integers).doubleValue() <= r[0], "lower of " + r[0]);
                assertTrue(Margins.upper(r[0], r[1], integers).doubleValue() >= r[1], "upper of " + r[1]);
            }
        }
    }
}
