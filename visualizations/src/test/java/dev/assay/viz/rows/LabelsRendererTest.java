package dev.assay.viz.rows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.labels.ColumnAssociation;
import dev.assay.dsl.labels.LabelClass;
import dev.assay.dsl.labels.LabelClasses;
import dev.assay.dsl.labels.LabelComparison;
import dev.assay.dsl.labels.LabelConflicts;
import dev.assay.dsl.labels.LabelFinding;
import dev.assay.dsl.labels.Labels;
import dev.assay.viz.HtmlTables;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.RendererRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Labels as text, escaped HTML, JSON and a picture: findings first, side-by-side classes, marked conflicts, sorted columns. */
class LabelsRendererTest {

    private final RendererRegistry registry = RendererRegistry.withDefaults();

    private static final LabelClasses CLASSES = new LabelClasses(103, 3,
            List.of(new LabelClass("ham", 90, 0.9), new LabelClass("<b>spam</b>", 10, 0.1)));

    private static Labels labels(List<ColumnAssociation> columns, LabelComparison vs) {
        LabelConflicts conflicts = new LabelConflicts(List.of("text"), true, null, 1, 3, List.of(
                new LabelConflicts.ConflictGroup(1, 3, "ham", List.of(new LabelClass("ham", 2, 2 / 3.0),
                        new LabelClass("<b>spam</b>", 1, 1 / 3.0)), Map.of("text", "win now"), List.of())));
        List<LabelFinding> findings = List.of(new LabelFinding("conflicts", null, 3, "1 group <x>"));
        return new Labels("train", "label", CLASSES, conflicts, columns, findings, vs);
    }

    private static ColumnAssociation column(String name, double nmi) {
        return new ColumnAssociation(name, "values", 5, false, 0.5, 0.3, nmi, 0.0, null);
    }

    @Test
    void findingsFirstThenClassesConflictsMarkedAndColumnsStrongestFirst() {
        MimeBundle b = registry.render(labels(List.of(column("weak", 0.1), column("strong", 0.95)), null));
        String text = b.plainText();
        assertTrue(text.indexOf("finding") < text.indexOf("Classes"), text);
        assertTrue(text.indexOf("Classes") < text.indexOf("groups of rows"), text);
        assertTrue(text.indexOf("strong ") < text.indexOf("weak "), "strongest first: " + text);
        assertTrue(text.contains("<b>spam</b>" + Sections.MARK), "the disagreeing label is marked: " + text);
        assertFalse(text.contains("ham" + Sections.MARK), text);
        String html = (String) b.data().get(MimeBundle.TEXT_HTML);
        assertFalse(html.contains("<b>spam</b>"), html);
        assertFalse(html.contains("<x>"), html);
        assertEquals(1, html.split("class=\"" + LabelsRenderer.DISAGREES + "\"", -1).length - 1,
                "one disagreeing label cell: " + html);
        assertEquals(List.of(), HtmlTables.misaligned(html));
        assertNotNull(b.data().get(MimeBundle.IMAGE_PNG), "class shares and associations are drawn");
        assertEquals("labels", ((Map<?, ?>) b.data().get(MimeBundle.RESULT_JSON)).get("kind"));
    }

    @Test
    void vsShowsBothSidesAndTheValuesOfOneSide() {
        LabelClasses other = new LabelClasses(50, 0, List.of(new LabelClass("ham", 40, 0.8), new LabelClass("eggs", 10, 0.2)));
        LabelComparison vs = new LabelComparison("test", other, List.of(
                new LabelComparison.SideBySide("ham", 90, 0.9, 40, 0.8),
                new LabelComparison.SideBySide("<b>spam</b>", 10, 0.1, 0, 0),
                new LabelComparison.SideBySide("eggs", 0, 0, 10, 0.2)), List.of("<b>spam</b>"), List.of("eggs"), null);
        String text = registry.render(labels(List.of(), vs)).plainText();
        assertTrue(text.contains("| train | share  | test | share"), text);
        assertTrue(text.contains("only here <b>spam</b>; only there eggs"), text);
        assertTrue(text.contains("80.00%"), text);
    }

    @Test
    void atMostThirtyColumnsWithANote() {
        List<ColumnAssociation> many = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            many.add(column("c" + i, i / 100.0));
        }
        String text = registry.render(labels(many, null)).plainText();
        assertTrue(text.contains("showing 30 of 45 columns, strongest first"), text);
        assertTrue(text.contains("c44 "), text);
        assertFalse(text.contains("c14 "), "the weakest are left out: " + text);
    }
}
