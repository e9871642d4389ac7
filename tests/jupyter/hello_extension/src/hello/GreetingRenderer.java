package hello;

import dev.assay.viz.MimeBundle;
import dev.assay.viz.Renderer;
import java.util.Map;

/** Marks its output so the test can tell this renderer, not the generic record table, drew it. */
public final class GreetingRenderer implements Renderer<Greeting> {

    @Override
    public MimeBundle render(Greeting greeting) {
        return new MimeBundle(Map.of(MimeBundle.TEXT_PLAIN, "Hello, " + greeting.name() + "! (hello extension)",
                MimeBundle.TEXT_HTML, "<b class=\"hello-extension\">Hello, " + greeting.name() + "!</b>"), Map.of());
    }
}
