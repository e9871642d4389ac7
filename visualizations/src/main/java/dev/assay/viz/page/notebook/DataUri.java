package dev.assay.viz.page.notebook;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Images as {@code data:} URIs, the only images a page that fetches nothing can show. */
final class DataUri {

    /** The image types a browser shows, in the order a notebook front end prefers them. */
    static final List<String> IMAGE_TYPES = List.of("image/svg+xml", "image/png", "image/jpeg", "image/gif", "image/webp");

    private DataUri() {
    }

    /**
     * The URI of an image of {@code mime}: SVG arrives as XML text and is encoded here (shown
     * through an img, its scripts and styles stay out of the page); other images arrive in base64,
     * which nbformat may have split into lines.
     */
    static String image(String mime, String data) {
        String base64 = mime.equals("image/svg+xml")
                ? Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8))
                : data.replaceAll("\\s+", "");
        return "data:" + mime + ";base64," + base64;
    }

    /** The richest image of an attachment (MIME type to data), or null when it holds none. */
    static String firstImage(Map<String, String> data) {
        for (String mime : IMAGE_TYPES) {
            if (data.containsKey(mime)) {
                return image(mime, data.get(mime));
            }
        }
        return null;
    }

    static boolean isImage(String url) {
        return url.regionMatches(true, 0, "data:image/", 0, "data:image/".length());
    }
}
