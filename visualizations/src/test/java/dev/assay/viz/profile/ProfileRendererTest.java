package dev.assay.viz.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.profile.ColumnKind;
import dev.assay.dsl.profile.ColumnProfile;
import dev.assay.dsl.profile.Finding;
import dev.assay.dsl.profile.Histogram;
import dev.assay.dsl.profile.LengthStats;
import dev.assay.dsl.profile.Profile;
import dev.assay.dsl.profile.ValueCount;
import dev.assay.dsl.profile.WordStats;
import dev.assay.viz.HtmlTables;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.RendererRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileRendererTest {

    private static final Profile PROFILE = new Profile("reviews", 4, List.of(
            new ColumnProfile("stars", "BIGINT", ColumnKind.NUMERIC, 4, 0, 3, 1L, 5L, 3.25, 1.707825127659933,
                    quantiles(), new Histogram(List.of(1.0, 7.0 / 3, 11.0 / 3, 5.0), List.of(1L, 1L, 2L)),
                    List.of(new ValueCount(5L, 2), new ValueCount(1L, 1), new ValueCount(2L, 1)), null, null, null, null, null, null),
            new ColumnProfile("<b>text</b>", "VARCHAR", ColumnKind.TEXT, 2, 2, 2, "a@b.org", "zzz", null, null, null, null,
                    List.of(new ValueCount("a@b.org", 1), new ValueCount("zzz", 1)), new LengthStats(3, 5.0, 7),
                    new Histogram(List.of(2.5, 3.5, 4.5, 5.5, 6.5, 7.5), List.of(1L, 0L, 0L, 0L, 1L), List.of(3L, 4L, 5L, 6L, 7L)),
                    new WordStats(1, 1.0, 1), Map.of("email", 1L, "phone", 0L, "card", 0L, "ipv4", 0L), null, null)),
            List.of(), List.of(new Finding("<b>text</b>", "pii", "personal data: 1 values hold email addresses", 1)));

    private static Map<String, Object> quantiles() {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("0.05", 1.15);
        q.put("0.25", 1.75);
        q.put("0.5", 3.5);
        q.put("0.75", 5.0);
        q.put("0.95", 5.0);
        return q;
    }

    private final MimeBundle bundle = RendererRegistry.withDefaults().render(PROFILE);

    @Test
    void theJsonIsTheProfilesOwn() {
        assertEquals(PROFILE.toJson(), bundle.data().get(MimeBundle.RESULT_JSON));
    }

    @Test
    void htmlPutsFindingsFirstAndARowWithAPicturePerColumn() {
        String html = (String) bundle.data().get(MimeBundle.TEXT_HTML);
        assertTrue(html.indexOf("personal data") < html.indexOf("<table>"), "findings before the table");
        assertFalse(html.contains("<b>text</b>"), "column names are escaped");
        assertTrue(html.contains("&lt;b&gt;text&lt;/b&gt;"));
        assertEquals(2, html.split("<svg ", -1).length - 1, "one picture per column");
        assertEquals(3 + 5, html.split("<rect ", -1).length - 1, "three histogram bars and five string-length bars");
        assertTrue(html.contains("2 (50.0%)"), "missing with its share");
        assertEquals(List.of(), HtmlTables.misaligned(html), "headers aligned as their columns");
        assertTrue(html.contains("all distinct"), "no alphabetically first value shown as the top one");
        Profile textOnly = new Profile("texts", 4, List.of(PROFILE.columns().get(1)), List.of(), List.of());
        String texts = ProfileRenderer.html(textOnly);
        assertEquals(List.of(), HtmlTables.misaligned(texts));
        assertTrue(texts.contains("<th style=\"text-align:left\">min</th>"), "only text: its values left-aligned " + texts);
    }

    @Test
    void plainTextHasAHeaderARowPerColumnAndTheFindings() {
        String[] lines = bundle.plainText().split("\n");
        assertEquals("Profile of reviews: 4 rows, 2 columns", lines[0]);
        assertTrue(lines[1].startsWith("column"), lines[1]);
        assertTrue(lines[2].matches("-+(-\\+-+)+"), "a rule under the header: " + lines[2]);
        assertTrue(lines[3].startsWith("stars"), lines[3]);
        assertTrue(lines[3].contains("3.25") && lines[3].contains("1.70783"), lines[3]);
        assertEquals(lines[1].length(), lines[3].length(), "columns aligned");
        assertTrue(lines[5].startsWith("! <b>text</b>: personal data"), lines[5]);
    }

    @Test
    void theRegistryChoosesThisRenderer() {
        assertEquals(new ProfileRenderer().render(PROFILE), bundle);
    }
}
