package dev.assay.viz.page.notebook;

import dev.assay.viz.page.StandalonePage;
import dev.assay.viz.page.Templates;
import java.util.ArrayList;
import java.util.List;

/**
 * An executed notebook as one standalone HTML page ({@link StandalonePage}): a header with the
 * run's outcome, then every cell in order, laid out by {@code notebook.mustache}.
 */
public final class NotebookPage {

    /** What {@code notebook.mustache} reads; {@code kernel} may be null. */
    private record View(String name, String kernel, RunSummary summary, List<CellView> cells) {
    }

    private NotebookPage() {
    }

    /** The whole HTML document. */
    public static String html(Notebook notebook) {
        List<CellView> cells = new ArrayList<>();
        for (int i = 0; i < notebook.cells().size(); i++) {
            cells.add(CellView.of(notebook.cells().get(i), i));
        }
        View view = new View(notebook.name(), notebook.kernel(), RunSummary.of(notebook.cells()), cells);
        return StandalonePage.html(notebook.name(), Templates.render("notebook", view));
    }
}
