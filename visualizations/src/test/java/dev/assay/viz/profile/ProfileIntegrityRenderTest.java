package dev.assay.viz.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.profile.ColumnProfile;
import dev.assay.dsl.profile.Profile;
import dev.assay.viz.HtmlTables;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.RendererRegistry;
import dev.assay.viz.chart.ProfileCharts;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;

/**
 * The profile's integrity fields where a reader looks: findings first in their rank with the
 * rows they touch and their share, the columns equal on every row, each column's outliers,
 * zeros, skewness, null-like tokens, variants and edge spaces in its row (HTML) and under the
 * table (text); and the string lengths of free text drawn.
 */
class ProfileIntegrityRenderTest {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private final Profile profile = IntegrityProfiles.profile();
    private final MimeBundle bundle = RendererRegistry.withDefaults().render(profile);
    private final String html = (String) bundle.data().get(MimeBundle.TEXT_HTML);
    private final String text = bundle.plainText();

    /** The HTML row of a column, from its name cell to the end of the row. */
    private String row(String column) {
        Matcher m = Pattern.compile("<tr><td style=\"text-align:left\"><b>" + column + "</b>.*?</tr>", Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), "a row of " + column);
        return m.group();
    }

    @Test
    void findingsComeFirstInTheirRankWithTheRowsTheyTouch() {
        int missing = html.indexOf("60.0% missing");
        int nullLike = html.indexOf("40 values mean missing");
        int outliers = html.indexOf("12 values outside");
        assertTrue(missing > 0 && missing < nullLike && nullLike < outliers, "ranked by rows, most first");
        assertTrue(outliers < html.indexOf("<table>"), "before the table");
        assertTrue(html.contains("3 findings, those touching the most rows first:"), html);
        assertTrue(html.contains("600 rows, 60.0%") && html.contains("40 rows, 4.0%") && html.contains("12 rows, 1.2%"), html);
        assertTrue(text.contains("! answer: 60.0% missing (600 of 1,000 rows) (600 rows, 60.0%)\n! answer: 40 values"), text);
        assertTrue(text.indexOf("! answer: 40") < text.indexOf("! price: 12"), text);
    }

    @Test
    void duplicateColumnsAreNamed() {
        assertTrue(html.contains("Columns equal on every row: price = price_copy"), html);
        assertTrue(html.indexOf("Columns equal on every row") < html.indexOf("<table>"), "above the table");
        assertTrue(text.contains("Columns equal on every row: price = price_copy"), text);
    }

    @Test
    void numbersShowOutliersZerosAndSkewnessInTheirRow() {
        String price = row("price");
        assertTrue(price.contains("12 IQR outliers<br><small style=\"opacity:.7\">outside [-1.5, 20.25]; e.g. 1,000,000, 999.5, -40"),
                price);
        assertTrue(price.contains("8 MAD outliers<br><small style=\"opacity:.7\">modified z-score above 3.5, MAD 1.25, outside [0.5, 18]"),
                price);
        assertTrue(price.contains("1 infinite") && price.contains("3 zeros"), price);
        assertFalse(price.contains("negative"), "a count of zero says nothing: " + price);
        assertTrue(price.contains("skewness 2.5<br><small style=\"opacity:.7\">excess kurtosis 8.125"), price);
        assertTrue(text.contains("Values to look at:\n  price: 12 IQR outliers (outside [-1.5, 20.25]; e.g. 1,000,000, 999.5, -40); "),
                text);
    }

    @Test
    void textsShowNullLikeTokensNumbersVariantsAndEdgeSpacesEscaped() {
        String answer = row("answer");
        assertTrue(answer.contains("40 null-like<br><small style=\"opacity:.7\">&#39;na&#39; 30, &#39;&#39; 10")
                || answer.contains("40 null-like<br><small style=\"opacity:.7\">'na' 30, '' 10"), answer);
        assertTrue(answer.contains("5 numbers in text"), answer);
        assertTrue(answer.contains("2 variant groups"), answer);
        assertTrue(answer.contains("3 edge spaces"), answer);
        assertFalse(html.contains("<b>no</b>"), "values are escaped");
        assertTrue(answer.contains("&lt;b&gt;no&lt;/b&gt;"), answer);
        assertTrue(text.contains("  answer: 40 null-like ('na' 30, '' 10); 5 numbers in text; 2 variant groups (e.g. 'Yes' / 'yes ' / 'YES'; "
                + "'<b>no</b>' / 'No'); 3 edge spaces"), text);
        assertFalse(text.contains("  review:"), "a column with nothing to look at has no line");
        assertEquals(List.of(), HtmlTables.misaligned(html), "the new column aligned as its header");
    }

    @Test
    void freeTextDrawsItsStringLengthsEvenWhenSomeValuesRepeat() {
        ColumnProfile review = profile.columns().get(2);
        assertTrue(review.mostlyDistinct() && review.someValueRepeats(), "the case under test");
        assertTrue(row("review").contains("<title>length in characters: 3 bins from 0.5 to 30.5"), row("review"));
        assertTrue(row("review").contains("words per value 0 to 6, mean 2.5"), row("review"));
        List<String> titles = ProfileCharts.charts(profile).stream().map(CategoryChart::getTitle).toList();
        assertTrue(titles.contains("review length (varchar)"), "the string lengths are drawn: " + titles);
        assertFalse(titles.contains("answer length (varchar)"), "categories show their values, not their lengths: " + titles);
        assertFalse(row("answer").contains("length in characters"), row("answer"));
    }
}
