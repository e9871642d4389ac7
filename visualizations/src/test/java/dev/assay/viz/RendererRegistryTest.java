package dev.assay.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
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
}
