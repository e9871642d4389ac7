package dev.assay.viz.report;

import dev.assay.viz.Html;
import dev.assay.viz.MimeBundle;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Says where a report was written, above the report shown in the notebook: its absolute
 * path, in HTML as a link. The link is relative when the page is in the notebook's folder
 * (JupyterLab and a page exported beside the notebook both open it), else a {@code file:} URI.
 */
public final class WrittenPageNote {

    private WrittenPageNote() {
    }

    /** {@code shown} with the note; the written page itself does not carry it. */
    public static MimeBundle add(MimeBundle shown, Path written, Path workingFolder) {
        String note = "Written to " + written;
        String text = shown.plainText();
        MimeBundle noted = shown.with(MimeBundle.TEXT_PLAIN, text.contains(written.toString()) ? text : note + "\n" + text);
        Object html = shown.data().get(MimeBundle.TEXT_HTML);
        if (!(html instanceof String h)) {
            return noted;
        }
        String link = "<p class=\"assay-written\">Written to <a href=\"" + Html.escape(href(written, workingFolder))
                + "\" target=\"_blank\" rel=\"noopener\"><code>" + Html.escape(written.toString()) + "</code></a></p>";
        return noted.with(MimeBundle.TEXT_HTML, link + "\n" + h);
    }

    static String href(Path written, Path workingFolder) {
        if (written.startsWith(workingFolder)) {
            StringBuilder relative = new StringBuilder();
            for (Path part : workingFolder.relativize(written)) {
                relative.append(relative.length() == 0 ? "" : "/").append(encode(part.toString()));
            }
            return relative.toString();
        }
        return written.toUri().toASCIIString();
    }

    /** One path segment as a URL path segment (spaces as %20, not +). */
    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
