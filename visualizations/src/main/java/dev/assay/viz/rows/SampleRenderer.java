package dev.assay.viz.rows;

import dev.assay.dsl.sample.Sampled;
import dev.assay.viz.Counts;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.Renderer;
import java.util.Locale;

/** What sample kept, in one sentence. */
public final class SampleRenderer implements Renderer<Sampled> {

    @Override
    public MimeBundle render(Sampled s) {
        String asked = s.plan().percent() != null ? s.plan().percent().stripTrailingZeros().toPlainString() + "% asked"
                : Counts.count(s.plan().rows()) + " rows asked";
        return new Sections().line(String.format(Locale.ROOT, "%s: a sample of %s of the %s rows of %s (%s, %s; seed %d)",
                s.dataset(), Counts.count(s.rows()), Counts.count(s.sourceRows()), s.source(), asked,
                Counts.percent(s.rows(), s.sourceRows()), s.plan().seed())).bundle("assay-sample", s.toJson());
    }
}
