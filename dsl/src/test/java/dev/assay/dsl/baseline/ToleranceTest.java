package dev.assay.dsl.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The arithmetic of within rules and durations, at their edges; expected values worked out by hand. */
class ToleranceTest {

    @Test
    void percentIsOfTheBaselinesMagnitude() {
        Tolerance.Band band = Tolerance.percent(10).around(-200);
        assertEquals(-220.0, band.low(), 1e-12);
        assertEquals(-180.0, band.high(), 1e-12);
        assertTrue(band.holds(-180));
        assertFalse(band.holds(-179.9));
        assertFalse(band.holds(Double.NaN));
    }

    @Test
    void aBaselineOfZeroAllowsOnlyZero() {
        Tolerance.Band band = Tolerance.percent(50).around(0);
        assertTrue(band.holds(0));
        assertFalse(band.holds(1e-300));
    }

    @Test
    void sdIsTheSampleStandardDeviation() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squares 32, sample variance 32/7.
        Tolerance.Band band = Tolerance.sd(2).around(List.of(2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0));
        assertEquals(5.0, band.center());
        assertEquals(2 * Math.sqrt(32.0 / 7), band.slack(), 1e-12);
    }

    @Test
    void sdNeedsThreeValues() {
        assertNull(Tolerance.sd(3).around(List.of(1.0, 2.0)));
        Tolerance.Band equal = Tolerance.sd(3).around(List.of(7.0, 7.0, 7.0));
        assertTrue(equal.holds(7));
        assertFalse(equal.holds(7.000001), "values all equal: sd 0 allows only their value");
    }

    @Test
    void aNegativeToleranceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Tolerance.percent(-1));
        assertEquals("3 sd", Tolerance.sd(3).text());
        assertEquals("2.5%", Tolerance.percent(2.5).text());
    }

    @Test
    void durationsAreSecondsAndReadBackInTheirLargestUnit() {
        assertEquals(new BigDecimal("1800"), DurationText.seconds(new BigDecimal("30"), "min"));
        assertEquals(new BigDecimal("43200"), DurationText.seconds(new BigDecimal("12"), "HOURS"));
        assertEquals(new BigDecimal("5400.0"), DurationText.seconds(new BigDecimal("1.5"), "h"));
        assertEquals(new BigDecimal("604800"), DurationText.seconds(new BigDecimal("1"), "week"));
        assertEquals("12 h", DurationText.text(new BigDecimal("43200")));
        assertEquals("90 min", DurationText.text(new BigDecimal("5400.0")));
        assertEquals("1 day", DurationText.text(new BigDecimal("86400")));
        assertEquals("2 weeks", DurationText.text(new BigDecimal("1209600")));
        assertEquals("45 s", DurationText.text(new BigDecimal("45")));
        assertEquals("0.5 s", DurationText.text(new BigDecimal("0.5")));
        assertEquals(new BigDecimal("0.25"), DurationText.seconds(Duration.ofMillis(250)));
        assertThrows(IllegalArgumentException.class, () -> DurationText.seconds(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> DurationText.seconds(BigDecimal.ZERO, "h"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DurationText.unitSeconds("mon")).getMessage()
                .startsWith("unknown unit of time 'mon'"));
    }
}
