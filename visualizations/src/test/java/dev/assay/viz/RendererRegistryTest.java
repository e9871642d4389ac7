package dev.assay.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class RendererRegistryTest {

    private final RendererRegistry registry = RendererRegistry.withDefaults();

    @Test
    void plainTextForOrdinaryValues() {
        assertEquals("null", registry.render(null).plainText());
        assertEquals("42", registry.render(42).plainText());
        assertEquals("\"a\\\"b\\n\"", registry.render("a\"b\n").plainText());
        assertEquals("'x'", registry.render('x').plainText());
        assertEquals("[1, 2]", registry.render(new int[] {1, 2}).plainText());
        assertEquals("[[a], [b, c]]", registry.render(new String[][] {{"a"}, {"b", "c"}}).plainText());
        assertEquals("{k=v}", registry.render(Map.of("k", "v")).plainText());
    }

    @Test
    void imagesBecomeDecodablePng() throws Exception {
        BufferedImage image = new BufferedImage(5, 3, BufferedImage.TYPE_INT_RGB);
        image.setRGB(2, 1, 0xFF0000);
        MimeBundle bundle = registry.render(image);
        byte[] png = Base64.getDecoder().decode((String) bundle.data().get(MimeBundle.IMAGE_PNG));
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(5, back.getWidth());
        assertEquals(0xFF0000, back.getRGB(2, 1) & 0xFFFFFF);
        assertNotNull(bundle.metadata().get(MimeBundle.IMAGE_PNG));
    }

    @Test
    void mostSpecificRendererWinsAndSubtypesInherit() {
        registry.register(List.class, l -> MimeBundle.text("list of " + l.size()));
        registry.register(ArrayList.class, l -> MimeBundle.text("array list of " + l.size()));
        assertEquals("array list of 0", registry.render(new ArrayList<>()).plainText());
        assertEquals("list of 2", registry.render(List.of(1, 2)).plainText());
    }

    @Test
    void displayableValuesRenderThemselves() {
        Displayable html = () -> MimeBundle.of("bold", MimeBundle.TEXT_HTML, "<b>bold</b>");
        assertEquals("<b>bold</b>", registry.render(html).data().get(MimeBundle.TEXT_HTML));
    }

    @Test
    void aFailingRendererFallsBackToTextAndSaysWhy() {
        registry.register(StringBuilder.class, sb -> {
            throw new IllegalStateException("broken renderer");
        });
        String text = registry.render(new StringBuilder("kept")).plainText();
        assertTrue(text.startsWith("\"kept\""), text);
        assertTrue(text.contains("broken renderer"), text);
    }

    @Test
    void bundlesAlwaysCarryPlainText() {
        assertThrows(IllegalArgumentException.class,
                () -> new MimeBundle(Map.of(MimeBundle.TEXT_HTML, "<p>"), Map.of()));
    }

    record Passenger(String name, int age, String note) {
    }

    record Shown(int x) implements Displayable {
        @Override
        public MimeBundle toMimeBundle() {
            return MimeBundle.text("shown " + x);
        }
    }

    @Test
    void recordsMapsAndListsOfRecordsBecomeTablesAndKeepTheirText() {
        RendererRegistry registry = RendererRegistry.withDefaults();
        Passenger allen = new Passenger("Allen", 29, "<script>x</script>");
        MimeBundle one = registry.render(allen);
        assertEquals(allen.toString(), one.plainText(), "consoles see what JShell prints");
        String html = (String) one.data().get(MimeBundle.TEXT_HTML);
        assertTrue(html.contains("<th style=\"text-align:left\">field</th><th style=\"text-align:left\">value</th>")
                && html.contains(">Allen</td>"), html);
        assertFalse(html.contains("<script>"), html);

        List<Passenger> many = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            many.add(new Passenger("p" + i, i, i % 2 == 0 ? "" : null));
        }
        MimeBundle list = registry.render(many);
        assertEquals(many.toString(), list.plainText());
        String table = (String) list.data().get(MimeBundle.TEXT_HTML);
        assertTrue(table.contains("Passenger: first 100 of 250 records:"), table);
        assertEquals(101, table.split("<tr", -1).length - 1, "a header and 100 rows");
        assertTrue(table.contains("text-align:right;white-space:pre-wrap\" title=\"99\">99</td>"), "numbers right-aligned");
        assertTrue(table.contains("<td style=\"text-align:left;color:#888;font-style:italic\">NULL</td>"), "null apart from the empty string");
        assertEquals(List.of(), HtmlTables.misaligned(table), "headers aligned as their columns");
        assertTrue(table.contains("title=\"&quot;&quot;\">&quot;&quot;</td>"), "the empty string shown as \"\"");

        MimeBundle map = registry.render(new TreeMap<>(Map.of("a", 1, "b", 2)));
        assertEquals("{a=1, b=2}", map.plainText());
        assertTrue(((String) map.data().get(MimeBundle.TEXT_HTML)).contains("2 entries:"));
        Map<Integer, Integer> big = new TreeMap<>();
        for (int i = 0; i < 250; i++) {
            big.put(i, i);
        }
        assertTrue(((String) registry.render(big).data().get(MimeBundle.TEXT_HTML)).contains("first 100 of 250 entries:"));

        assertEquals("[1, 2]", registry.render(List.of(1, 2)).plainText());
        assertEquals(null, registry.render(List.of(1, 2)).data().get(MimeBundle.TEXT_HTML), "plain lists stay text");
        assertEquals("shown 3", registry.render(new Shown(3)).plainText(), "an interface registration beats the record fallback");
        MimeBundle array = registry.render(new Passenger[] {allen});
        assertEquals("[Passenger[name=Allen, age=29, note=<script>x</script>]]", array.plainText());
        assertTrue(((String) array.data().get(MimeBundle.TEXT_HTML)).contains("Passenger: 1 record:"));
    }

    @Test
    void aChartThatCannotBeDrawnKeepsTheTableAndSaysWhy() {
        MimeBundle table = MimeBundle.text("a table").with(MimeBundle.TEXT_HTML, "<table></table>");
        MimeBundle noted = table.withChart(() -> {
            throw new IllegalStateException("no bins");
        }, "histogram", false);
        assertEquals("a table\n(the chart could not be drawn: java.lang.IllegalStateException: no bins)", noted.plainText());
        assertTrue(((String) noted.data().get(MimeBundle.TEXT_HTML)).startsWith("<table></table>"));
        assertFalse(noted.data().containsKey(MimeBundle.IMAGE_PNG));
    }
}
