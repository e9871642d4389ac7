package dev.assay.viz;

import dev.assay.viz.chart.ChartImages;
import java.awt.AWTError;
import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a front end shows for one value: representations keyed by MIME type, plus metadata.
 * Text types map to strings, {@link #RESULT_JSON} to a JSON-ready value (maps, lists,
 * numbers, strings), images to base64 strings. Immutable.
 */
public record MimeBundle(Map<String, Object> data, Map<String, Object> metadata) {

    public static final String TEXT_PLAIN = "text/plain";
    public static final String TEXT_HTML = "text/html";
    /**
     * The machine-readable form of a result (its {@code toJson()}; docs/architecture.md). A
     * vendor type, not plain {@code application/json}: JupyterLab ranks its JSON viewer above
     * HTML and images, so a bundle holding {@code application/json} shows as a JSON tree
     * instead of its table and charts. The {@code +json} suffix keeps it a JSON object in
     * notebook files.
     */
    public static final String RESULT_JSON = "application/vnd.assay.result+json";
    public static final String IMAGE_PNG = "image/png";

    public MimeBundle {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(metadata, "metadata");
        if (!data.containsKey(TEXT_PLAIN)) {
            throw new IllegalArgumentException("a MIME bundle always carries text/plain");
        }
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    public static MimeBundle text(String text) {
        return new MimeBundle(Map.of(TEXT_PLAIN, text), Map.of());
    }

    /** A bundle with a plain-text fallback and one richer representation. */
    public static MimeBundle of(String plainText, String mimeType, Object value) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(TEXT_PLAIN, plainText);
        data.put(mimeType, value);
        return new MimeBundle(data, Map.of());
    }

    /** A copy with one more representation (replacing any of the same type). */
    public MimeBundle with(String mimeType, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(data);
        copy.put(mimeType, value);
        return new MimeBundle(copy, metadata);
    }

    /** A copy with a PNG picture (and its size as metadata, so front ends lay it out before decoding). */
    public MimeBundle withImage(RenderedImage image) {
        Map<String, Object> copy = new LinkedHashMap<>(data);
        copy.put(IMAGE_PNG, ChartImages.base64Png(image));
        Map<String, Object> meta = new LinkedHashMap<>(metadata);
        meta.put(IMAGE_PNG, Map.of("width", image.getWidth(), "height", image.getHeight()));
        return new MimeBundle(copy, meta);
    }

    /**
     * A copy with the chart the supplier draws, as image/png and also at the end of the HTML
     * (notebook front ends show only the richest type, and JupyterLab prefers HTML), folded
     * under {@code caption} when {@code folded}. When the machine cannot draw (a JDK without
     * fonts or fontconfig fails inside AWT) the bundle comes back unchanged: the tables and the
     * JSON matter more than the picture, so they are never lost with it. A bug in the chart code
     * keeps them too, but says so in the text and HTML, so that it is seen and reported.
     */
    public MimeBundle withChart(Supplier<BufferedImage> chart, String caption,
                                boolean folded) {
        BufferedImage image;
        try {
            image = chart.get();
        } catch (AWTError | InternalError | LinkageError e) {
            return this;
        } catch (RuntimeException e) {
            String note = "(the chart could not be drawn: " + e + ")";
            MimeBundle noted = with(TEXT_PLAIN, plainText() + "\n" + note);
            return data.get(TEXT_HTML) instanceof String h ? noted.with(TEXT_HTML, h + "\n<p>" + Html.escape(note) + "</p>") : noted;
        }
        if (image == null) {
            return this;
        }
        MimeBundle withImage = withImage(image);
        Object html = data.get(TEXT_HTML);
        if (!(html instanceof String h)) {
            return withImage;
        }
        String img = "<img alt=\"" + Html.escape(caption) + "\" style=\"max-width:100%\" width=\"" + image.getWidth()
                + "\" src=\"data:image/png;base64," + withImage.data().get(IMAGE_PNG) + "\">";
        String block = folded ? "<details><summary>" + Html.escape(caption) + "</summary>" + img + "</details>" : img;
        return withImage.with(TEXT_HTML, h + "\n<div class=\"assay-charts\">" + block + "</div>");
    }

    public String plainText() {
        return (String) data.get(TEXT_PLAIN);
    }
}
