package dev.assay.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void aKnownPercentFillsTheBarAndAnUnknownOneLeavesItIndeterminate() {
        String known = html(ProgressBar.running("profile <b>", OptionalDouble.of(37.9), Duration.ofMillis(2345)));
        assertTrue(known.contains("<progress max=\"100\" value=\"37\""), known);
        assertTrue(known.contains("profile &lt;b&gt; \u00b7 37% \u00b7 2.3 s"), known);
        assertTrue(known.contains("class=\"assay-progress running\""), known);

        String unknown = html(ProgressBar.running("dedup x", OptionalDouble.empty(), Duration.ofSeconds(1)));
        assertTrue(unknown.contains("<progress max=\"100\" style"), "no value: " + unknown);
        assertEquals("dedup x  [------------------------]  1.0 s",
                ProgressBar.running("dedup x", OptionalDouble.empty(), Duration.ofSeconds(1)).text());
    }

    @Test
    void theEndSaysHowLongItTookOrThatItStopped() {
        ProgressBar done = ProgressBar.over("pin t as 'x'", Duration.ofMillis(187_400), true);
        assertEquals("pin t as 'x': done in 3 min 07 s", done.text());
        assertTrue(html(done).contains("value=\"100\""), html(done));
        assertTrue(html(done).contains("class=\"assay-progress done\""), html(done));
        assertEquals("split t: stopped after 0.9 s", ProgressBar.over("split t", Duration.ofMillis(949), false).text());
    }

    private static String html(ProgressBar bar) {
        return bar.toMimeBundle().data().get(MimeBundle.TEXT_HTML).toString();
    }
}
