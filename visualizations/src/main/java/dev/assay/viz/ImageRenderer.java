package dev.assay.viz;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/** Images become base64 PNG with their size as metadata, so front ends lay them out before decoding. */
final class ImageRenderer implements Renderer<RenderedImage> {

    @Override
    public MimeBundle render(RenderedImage image) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(MimeBundle.TEXT_PLAIN, "<image " + image.getWidth() + "x" + image.getHeight() + ">");
        data.put(MimeBundle.IMAGE_PNG, Base64.getEncoder().encodeToString(png.toByteArray()));
        Map<String, Object> size = Map.of("width", image.getWidth(), "height", image.getHeight());
        return new MimeBundle(data, Map.of(MimeBundle.IMAGE_PNG, size));
    }

    /** XChart charts, drawn headless. */
    static MimeBundle chart(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
        java.awt.image.BufferedImage image = dev.assay.viz.chart.ChartImages.image(chart);
        String title = chart.getTitle() == null || chart.getTitle().isBlank() ? "" : " " + chart.getTitle();
        return MimeBundle.text("<chart" + title + ", " + image.getWidth() + "x" + image.getHeight() + ">").withImage(image);
    }
}
