package dev.assay.viz.page.notebook;

import java.util.List;
import java.util.Map;

/** One output of a code cell, as nbformat 4 has them. */
public sealed interface Output {

    /** Text the cell wrote to {@code stdout} or {@code stderr}. */
    record Stream(String name, String text) implements Output {
    }

    /**
     * A {@code display_data} or (with an execution count) an {@code execute_result}.
     *
     * @param executionCount the count for an {@code execute_result}, else null
     * @param data           MIME type to its text (base64 for binary images, JSON as text)
     * @param widths         MIME type to the display width the kernel asked for, in CSS pixels
     */
    record Data(Integer executionCount, Map<String, String> data, Map<String, Integer> widths) implements Output {
        public Data {
            data = Map.copyOf(data);
            widths = Map.copyOf(widths);
        }
    }

    /** An exception: its name, message and traceback lines (which may carry ANSI colours). */
    record Error(String ename, String evalue, List<String> traceback) implements Output {
        public Error {
            traceback = List.copyOf(traceback);
        }
    }
}
