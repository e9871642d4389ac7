package dev.assay.viz.rows;

import static dev.assay.viz.Html.escape;

import dev.assay.dsl.suggest.DroppedRule;
import dev.assay.dsl.suggest.SkippedColumn;
import dev.assay.dsl.suggest.SuggestedRule;
import dev.assay.dsl.suggest.Suggestion;
import dev.assay.dsl.suggest.WidenedRule;
import dev.assay.viz.Counts;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.Renderer;
import dev.assay.viz.ShownColumns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A suggested check: the statement whole, as a block to copy into a cell, then its rules with
 * their reasons, then (with a holdout) the rules widened and dropped with why. The tables show
 * the first {@link ShownColumns#LIMIT} entries and say how many more there are; the statement
 * and the JSON keep all.
 */
public final class SuggestionRenderer implements Renderer<Suggestion> {

    private static final String WHERE = ShownColumns.inJsonAnd("the Suggestion's rules(), widened(), dropped()")
            + ", and in the statement above";

    @Override
    public MimeBundle render(Suggestion s) {
        MimeBundle tables = sections(s).bundle("assay-suggestion-rules", s.toJson());
        String statement = s.statement();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(MimeBundle.TEXT_PLAIN, verdict(s) + "\n\n" + statement + "\n\n" + tables.data().get(MimeBundle.TEXT_PLAIN));
        data.put(MimeBundle.TEXT_HTML, "<div class=\"assay-suggestion\">\n<p>" + escape(verdict(s)) + "</p>\n"
                // One click selects the whole statement, ready to copy.
                + "<pre class=\"assay-suggested-check\" style=\"user-select:all;white-space:pre-wrap\"><code>" + escape(statement)
                + "</code></pre>\n" + tables.data().get(MimeBundle.TEXT_HTML) + "\n</div>");
        data.put(MimeBundle.RESULT_JSON, s.toJson());
        return new MimeBundle(data, Map.of());
    }

    /** "Suggested check for t: 12 rules from its profile; tried on v: 2 widened, 1 dropped. Copy it into a cell:" */
    static String verdict(Suggestion s) {
        String rules = Counts.count(s.rules().size()) + (s.rules().size() == 1 ? " rule" : " rules");
        String tried = s.holdout() == null ? "" : "; tried on " + s.holdout() + ": " + Counts.count(s.widened().size())
                + " widened, " + Counts.count(s.dropped().size()) + " dropped";
        return "Suggested check for " + s.dataset() + ": " + rules + " from its profile" + tried + ". Copy it into a cell:";
    }

    private static Sections sections(Suggestion s) {
        Sections sections = new Sections();
        ShownColumns<SuggestedRule> rules = ShownColumns.first(s.rules());
        List<String[]> rows = table("rule", "reason");
        rules.shown().forEach(r -> rows.add(new String[] {r.rule().text(), r.reason()}));
        sections.table(sections.above("Its rules, each with what was observed and the margin given:",
                rules.note("rules", WHERE)), rows, new boolean[] {false, false});
        if (!s.widened().isEmpty()) {
            ShownColumns<WidenedRule> widened = ShownColumns.first(s.widened());
            List<String[]> w = table("rule", "was", "reason");
            widened.shown().forEach(r -> w.add(new String[] {r.rule().text(), r.was().text(), r.reason()}));
            sections.table(sections.above("Widened, as the holdout " + s.holdout() + " broke them:",
                    widened.note("widened rules", WHERE)), w, new boolean[] {false, false, false});
        }
        if (!s.dropped().isEmpty()) {
            ShownColumns<DroppedRule> dropped = ShownColumns.first(s.dropped());
            List<String[]> d = table("rule", "reason");
            dropped.shown().forEach(r -> d.add(new String[] {r.rule().text(), r.reason()}));
            sections.table(sections.above("Dropped, as the holdout " + s.holdout() + " broke them:",
                    dropped.note("dropped rules", WHERE)), d, new boolean[] {false, false});
        }
        if (!s.skipped().isEmpty()) {
            ShownColumns<SkippedColumn> skipped = ShownColumns.first(s.skipped());
            List<String[]> k = table("column", "reason");
            skipped.shown().forEach(c -> k.add(new String[] {c.column(), c.reason()}));
            sections.table(sections.above("Columns no rule names:", skipped.note("columns", WHERE)), k,
                    new boolean[] {false, false});
        }
        return sections;
    }

    private static List<String[]> table(String... header) {
        List<String[]> rows = new ArrayList<>();
        rows.add(header);
        return rows;
    }
}
