package dev.assay.viz;

import dev.assay.viz.chart.ChartImages;
import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import org.knowm.xchart.internal.chartpart.Chart;

/** Images become base64 PNG with their size as metadata, so front ends lay them out before decoding. */
final class ImageRenderer implements Renderer<RenderedImage> {

    @Override
    public MimeBundle render(RenderedImage image) {
        return MimeBundle.text("<image " + image.getWidth() + "x" + image.getHeight() + ">").withImage(image);
    }

    /** XChart charts, drawn headless. */
    static MimeBundle chart(Chart<?, ?> chart) {
        BufferedImage image = ChartImages.image(chart);
        String title = chart.getTitle() == null || chart.getTitle().isBlank() ? "" : " " + chart.getTitle();
        return MimeBundle.text("<chart" + title + ", " + image.getWidth() + "x" + image.getHeight() + ">").withImage(image);
    }
}
