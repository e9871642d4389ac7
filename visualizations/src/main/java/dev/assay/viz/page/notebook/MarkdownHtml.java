package dev.assay.viz.page.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown (cells and {@code text/markdown} outputs) as HTML: CommonMark with GitHub's tables.
 * Raw HTML inside the Markdown shows as text and links keep only safe protocols, so a cell
 * cannot put markup or script into the page. Images must not be fetched: an attachment
 * ({@code attachment:name.png}, pasted into Jupyter) becomes a data URI, any other image a
 * link to where it would have come from.
 */
final class MarkdownHtml {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new DataImagesOnly())
            .build();

    private MarkdownHtml() {
    }

    static String toHtml(String markdown, Map<String, Map<String, String>> attachments) {
        Node document = PARSER.parse(markdown);
        List<Image> images = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                images.add(image);
            }
        });
        images.forEach(image -> inline(image, attachments));
        return RENDERER.render(document);
    }

    private static void inline(Image image, Map<String, Map<String, String>> attachments) {
        String destination = image.getDestination();
        if (DataUri.isImage(destination)) {
            return;
        }
        if (destination.startsWith("attachment:")) {
            Map<String, String> data = attachments.get(destination.substring("attachment:".length()));
            String uri = data == null ? null : DataUri.firstImage(data);
            if (uri != null) {
                image.setDestination(uri);
            } else { // nothing to link to: its description stays, as text
                replace(image, null);
            }
            return;
        }
        replace(image, new Link(destination, image.getTitle()));
    }

    /** Puts the image's description (its child nodes) in its place, inside {@code link} when there is one. */
    private static void replace(Image image, Link link) {
        Node child = image.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            if (link != null) {
                link.appendChild(child);
            } else {
                image.insertBefore(child);
            }
            child = next;
        }
        if (link != null) {
            image.insertBefore(link);
        }
        image.unlink();
    }

    /** Links as commonmark's default sanitizer allows them; images only as data URIs of images. */
    private static final class DataImagesOnly extends DefaultUrlSanitizer {
        @Override
        public String sanitizeImageUrl(String url) {
            return DataUri.isImage(url) ? url : "";
        }
    }
}
