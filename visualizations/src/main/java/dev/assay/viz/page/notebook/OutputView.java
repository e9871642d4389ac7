package dev.assay.viz.page.notebook;

import java.util.List;
import java.util.Map;

/**
 * One output as {@code notebook.mustache} shows it: exactly one of the parts after
 * {@code prompt} is set. For rich outputs the richest representation wins, in nbconvert's
 * order for HTML; {@code text/html} comes from the kernel's renderers and is kept as it is.
 *
 * @param prompt    {@code Out[n]:} for an execute_result, else null
 * @param stream    stdout or stderr text
 * @param html      HTML from the kernel, as is
 * @param image     an image as a data URI
 * @param markdown  {@code text/markdown} rendered to HTML
 * @param text      other text (LaTeX, plain), as escaped HTML
 * @param error     an exception and its traceback
 * @param missing   the MIME types of a bundle that has nothing the page can show
 */
record OutputView(String prompt, Text stream, String html, Picture image, String markdown, String text,
                  Failure error, String missing) {

    /** nbconvert's preference for HTML output, without the types a browser cannot show inline (PDF). */
    static final List<String> PRIORITY = List.of("text/html", "image/svg+xml", "image/png", "image/jpeg",
            "text/markdown", "text/latex", "text/plain");

    record Text(String name, String html) {
    }

    record Picture(String uri, String alt, Integer width) {
    }

    record Failure(String name, String traceback) {
    }

    static OutputView of(Output output) {
        if (output instanceof Output.Stream) {
            Output.Stream s = (Output.Stream) output;
            return new OutputView(null, new Text(s.name(), TerminalText.toHtml(s.text())), null, null, null, null, null, null);
        }
        if (output instanceof Output.Error) {
            Output.Error e = (Output.Error) output;
            // Front ends show the traceback alone; the name and message are in it. Without one, they are all there is.
            String trace = e.traceback().isEmpty() ? e.ename() + ": " + e.evalue() : String.join("\n", e.traceback());
            return new OutputView(null, null, null, null, null, null,
                    new Failure(e.ename(), TerminalText.toHtml(trace)), null);
        }
        return rich((Output.Data) output);
    }

    private static OutputView rich(Output.Data output) {
        String prompt = output.executionCount() == null ? null : "Out[" + output.executionCount() + "]:";
        Map<String, String> data = output.data();
        String mime = PRIORITY.stream().filter(data::containsKey).findFirst().orElse(null);
        if (mime == null) {
            return new OutputView(prompt, null, null, null, null, null, null, String.join(", ", data.keySet()));
        }
        String value = data.get(mime);
        if (mime.equals("text/html")) {
            return new OutputView(prompt, null, value, null, null, null, null, null);
        }
        if (mime.startsWith("image/")) {
            String alt = data.getOrDefault("text/plain", mime);
            Picture image = new Picture(DataUri.image(mime, value), alt, output.widths().get(mime));
            return new OutputView(prompt, null, null, image, null, null, null, null);
        }
        if (mime.equals("text/markdown")) {
            return new OutputView(prompt, null, null, null, MarkdownHtml.toHtml(value, Map.of()), null, null, null);
        }
        return new OutputView(prompt, null, null, null, null, TerminalText.toHtml(value), null, null);
    }
}
