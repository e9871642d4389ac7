import dev.assay.dsl.engine.Column;
import dev.assay.dsl.profile.PhoneFinder;
import dev.assay.dsl.profile.PhoneRegions;
import dev.assay.dsl.profile.PiiCount;
import dev.assay.dsl.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cost of finding phone numbers (docs/pii.md) on the SMS spam data and on a generated
 * text column:
 *
 *   bench/run PhoneBench [ROWS]
 *
 * Rows, per twenty: one UK mobile number in a sentence, one order number and one ISO
 * timestamp (digit runs the pre-filter lets through, that the library refuses), seventeen
 * sentences without seven digits in a row. Each line times the median of three runs.
 */
public class PhoneBench {

    public static void main(String[] args) {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000L;
        String shared = System.getenv().getOrDefault("ASSAY_SHARED", "../shared");
        try (Workspace ws = Workspace.embedded()) {
            ws.load(Path.of(shared, "data", "sms_spam.tsv").toString(), "sms",
                    Map.of("delimiter", "\t", "quote", "", "header", true));
            ws.query("""
                    SELECT range AS id, CASE range % 20
                        WHEN 0 THEN 'call me on 07' || lpad(((range * 7919) % 1000000000)::VARCHAR, 9, '0') || ' tonight'
                        WHEN 1 THEN 'order ' || ((range * 2654435761) % 10000000000) || ' shipped'
                        WHEN 2 THEN 'logged ' || (TIMESTAMP '2024-01-01' + INTERVAL (range % 31536000) SECOND)
                        ELSE 'the quick brown fox ' || (range % 1000) || ' jumps over the lazy dog' END AS note
                    FROM range(ROWS)""".replace("ROWS", Long.toString(rows)), "generated");
            System.out.printf(Locale.ROOT, "max heap %,d MB%n", Runtime.getRuntime().maxMemory() >> 20);
            for (String table : List.of("sms", "generated")) {
                bench(ws, table);
            }
            System.out.printf(Locale.ROOT, "peak heap used %,d MB%n", Measure.peakHeapBytes() >> 20);
        }
    }

    private static void bench(Workspace ws, String table) {
        long rows = ws.dataset(table).count();
        List<Column> text = ws.dataset(table).schema().stream().filter(c -> c.type().equals("VARCHAR")).toList();
        String column = ws.engine().quoteIdentifier(text.get(text.size() - 1).name());
        System.out.printf(Locale.ROOT, "%s: %,d rows%n", table, rows);
        double defaults = Measure.median(() -> ws.dataset(table).profile(List.of(), PhoneRegions.defaults()));
        double international = Measure.median(() -> ws.dataset(table).profile(List.of(), PhoneRegions.parse("")));
        Measure.row("profile, default phone regions", defaults, "profile, international numbers only", international);
        double search = Measure.median(() -> PiiCount.rowsWithPii(ws.engine(), table, text));
        double preFilter = Measure.median(() -> ws.engine().smallResult("SELECT count(*) FILTER (WHERE regexp_matches("
                + column + ", " + ws.engine().quoteLiteral(PhoneFinder.CANDIDATE) + ")) FROM " + table));
        Measure.row("pii count (SQL kinds + phone search)", search, "SQL pre-filter alone", preFilter);
    }
}
