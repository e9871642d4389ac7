package dev.assay.viz;

import java.awt.image.RenderedImage;

/** Images become base64 PNG with their size as metadata, so front ends lay them out before decoding. */
final class ImageRenderer implements Renderer<RenderedImage> {

    @Override
    public MimeBundle render(RenderedImage image) {
        return MimeBundle.text("<image " + image.getWidth() + "x" + image.getHeight() + ">").withImage(image);
    }

    /** XChart charts, drawn headless. */
    static MimeBundle chart(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
        java.awt.image.BufferedImage image = dev.assay.viz.chart.ChartImages.image(chart);
        String title = chart.getTitle() == null || chart.getTitle().isBlank() ? "" : " " + chart.getTitle();
        return MimeBundle.text("<chart" + title + ", " + image.getWidth() + "x" + image.getHeight() + ">").withImage(image);
    }
}
