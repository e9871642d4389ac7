package dev.assay.viz.page.notebook;

import java.time.Duration;
import java.util.List;

/**
 * One cell as {@code notebook.mustache} shows it: Markdown as HTML, or code with its prompt,
 * source and outputs, or a raw cell's text.
 *
 * @param anchor   the element id ({@code cell-N}, N counting every cell from 1)
 * @param markdown a Markdown cell rendered to HTML, else null
 * @param raw      a raw cell's text, else null
 * @param code     a code cell, else null
 */
record CellView(String anchor, String markdown, String raw, Code code) {

    /**
     * @param prompt   {@code In [n]:}, or {@code In [ ]:} when it did not run
     * @param duration how long it ran, or null
     * @param notRun   it had something to run and did not run
     * @param failed   one of its outputs is an error
     */
    record Code(String prompt, String source, List<String> tags, String duration, boolean notRun, boolean failed,
                List<OutputView> outputs) {
    }

    static CellView of(Cell cell, int index) {
        String anchor = RunSummary.anchor(index);
        if (cell.type().equals("markdown")) {
            return new CellView(anchor, MarkdownHtml.toHtml(cell.source(), cell.attachments()), null, null);
        }
        if (!cell.isCode()) {
            return new CellView(anchor, null, cell.source(), null);
        }
        String duration = cell.started() == null || cell.ended() == null || cell.ended().isBefore(cell.started())
                ? null : RunSummary.duration(Duration.between(cell.started(), cell.ended()));
        List<OutputView> outputs = cell.outputs().stream().map(OutputView::of).toList();
        return new CellView(anchor, null, null, new Code(prompt(cell), cell.source(), cell.tags(), duration,
                cell.notRun(), cell.error() != null, outputs));
    }

    static String prompt(Cell cell) {
        return label(cell) + ":";
    }

    /** {@code In [n]}, how the header names the cell too. */
    static String label(Cell cell) {
        return "In [" + (cell.executionCount() == null ? " " : cell.executionCount()) + "]";
    }
}
