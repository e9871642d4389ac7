package dev.assay.viz.chart;

import java.awt.Color;

/**
 * The colours of every chart: Okabe and Ito's palette, told apart by readers with any of the
 * common colour-vision deficiencies, on white. Reference is always blue and current orange.
 */
public final class Palette {

    public static final Color REFERENCE = new Color(0x00, 0x72, 0xB2);
    public static final Color CURRENT = new Color(0xE6, 0x9F, 0x00);
    /** Drifted columns and missing values. */
    public static final Color ALERT = new Color(0xD5, 0x5E, 0x00);
    /** A single series (profile histograms and top values). */
    public static final Color SINGLE = new Color(0x00, 0x72, 0xB2);
    public static final Color TEXT = new Color(0x33, 0x33, 0x33);
    public static final Color GRID = new Color(0xE4, 0xE4, 0xE4);
    /** No colour: backgrounds of pictures inside table cells. */
    public static final Color TRANSPARENT = new Color(0, 0, 0, 0);

    private Palette() {
    }

    /** The colour with an alpha, for overlaid bars that must show what is behind them. */
    public static Color translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
