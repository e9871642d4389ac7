package dev.assay.viz.page.notebook;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One notebook cell.
 *
 * @param type           {@code code}, {@code markdown} or {@code raw}, as nbformat names them
 * @param source         the cell's text
 * @param executionCount the code cell's count; null when it did not run
 * @param tags           the cell's tags ({@code parameters}, ...)
 * @param started        when the code cell started running ({@code metadata.execution}); null if unknown
 * @param ended          when it finished; null if unknown
 * @param outputs        the code cell's outputs
 * @param attachments    a markdown cell's attachments: file name to (MIME type to base64 data)
 */
public record Cell(String type, String source, Integer executionCount, List<String> tags, Instant started,
                   Instant ended, List<Output> outputs, Map<String, Map<String, String>> attachments) {

    public Cell {
        Objects.requireNonNull(type, "type");
        source = source == null ? "" : source;
        tags = List.copyOf(tags);
        outputs = List.copyOf(outputs);
        attachments = Map.copyOf(attachments);
    }

    public static Cell markdown(String source) {
        return new Cell("markdown", source, null, List.of(), null, null, List.of(), Map.of());
    }

    public static Cell code(String source, Integer executionCount, List<Output> outputs) {
        return new Cell("code", source, executionCount, List.of(), null, null, outputs, Map.of());
    }

    public boolean isCode() {
        return type.equals("code");
    }

    /** A code cell with something to run that has no count: it never ran (a failure stopped the run first). */
    public boolean notRun() {
        return isCode() && executionCount == null && outputs.isEmpty() && !source.isBlank();
    }

    /** The first error among the outputs, or null. */
    public Output.Error error() {
        for (Output output : outputs) {
            if (output instanceof Output.Error) {
                return (Output.Error) output;
            }
        }
        return null;
    }
}
