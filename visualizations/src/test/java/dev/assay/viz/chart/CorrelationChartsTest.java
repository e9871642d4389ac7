package dev.assay.viz.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.correlations.CorrelatedPair;
import dev.assay.dsl.correlations.CorrelationMethod;
import dev.assay.dsl.correlations.Correlations;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The heatmap's diverging scale (white at 0, blue at -1, vermillion at +1, grey where
 * undefined) and that each value is painted as two symmetric cells; 50 columns still give
 * cells of at least {@link CorrelationCharts#MIN_CELL} pixels in a picture of bounded size.
 */
class CorrelationChartsTest {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static Correlations matrix(List<String> columns, List<List<Double>> matrix, List<CorrelatedPair> pairs) {
        return new Correlations("d", CorrelationMethod.PEARSON, columns, matrix, pairs, List.of(), List.of());
    }

    private static long pixels(BufferedImage image, Color colour) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += (image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF) ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void theScaleDivergesFromWhite() {
        assertEquals(Color.WHITE, CorrelationCharts.colour(0.0));
        assertEquals(Palette.REFERENCE, CorrelationCharts.colour(-1.0), "-1 is blue");
        assertEquals(Palette.ALERT, CorrelationCharts.colour(1.0), "+1 is vermillion");
        assertEquals(CorrelationCharts.UNDEFINED, CorrelationCharts.colour(null));
        assertEquals(CorrelationCharts.UNDEFINED, CorrelationCharts.colour(Double.NaN));
        Color weak = CorrelationCharts.colour(-0.2);
        Color strong = CorrelationCharts.colour(-0.9);
        assertTrue(strong.getRed() < weak.getRed() && weak.getRed() < 255, "stronger is darker: " + weak + " " + strong);
    }

    @Test
    void eachValueFillsItsTwoCells() {
        // Three columns of cells of 44 pixels: 0.6 and -0.7 off the diagonal, 1 on it, one column undefined.
        List<List<Double>> m = List.of(Arrays.asList(1.0, 0.6, null), Arrays.asList(0.6, 1.0, null), Arrays.asList(null, null, null));
        BufferedImage image = CorrelationCharts.heatmap(matrix(List.of("a", "b", "c"), m,
                List.of(new CorrelatedPair("a", "b", CorrelationMethod.PEARSON, 0.6))), List.of());
        assertNotNull(image);
        long cell = 44L * 44;
        assertEquals(2 * cell, pixels(image, CorrelationCharts.colour(0.6)), "two symmetric cells of 0.6");
        assertTrue(pixels(image, CorrelationCharts.colour(1.0)) >= 2 * cell, "the diagonal");
        assertTrue(pixels(image, CorrelationCharts.UNDEFINED) >= 5 * cell, "five undefined cells");
        assertEquals(0, pixels(image, CorrelationCharts.colour(-0.7)), "no value that is not there");
    }

    @Test
    void fiftyColumnsReadAndFiftyOneAreNotDrawn() {
        for (int n : new int[] {50, 51}) {
            List<String> names = new ArrayList<>();
            List<List<Double>> m = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                names.add("a rather long column name " + i);
                List<Double> row = new ArrayList<>();
                for (int j = 0; j < n; j++) {
                    row.add(i == j ? 1.0 : 0.5);
                }
                m.add(row);
            }
            List<CorrelatedPair> top = List.of(new CorrelatedPair(names.get(0), names.get(1), CorrelationMethod.PEARSON, 0.5));
            BufferedImage image = CorrelationCharts.heatmap(matrix(names, m, top), top);
            if (n > CorrelationCharts.MAX_COLUMNS) {
                assertNull(image, "no heatmap of " + n + " columns");
                continue;
            }
            assertNotNull(image);
            assertTrue(image.getWidth() <= 900 && image.getHeight() <= 1000, image.getWidth() + "x" + image.getHeight());
            long cell = (long) CorrelationCharts.MIN_CELL * CorrelationCharts.MIN_CELL;
            // Every off-diagonal cell but the numbered one (framed) keeps the colour of 0.5.
            assertTrue(pixels(image, CorrelationCharts.colour(0.5)) >= (n * (n - 1L) - 2) * cell,
                    "cells of at least " + CorrelationCharts.MIN_CELL + " pixels");
        }
    }
}
