import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the wide benchmark times on each table: the baselines (raw DuckDB SQL) and every Assay
 * statement of issue 21, as the text a notebook cell would hold. {@code wide} is the table,
 * {@code moved} its shifted copy, {@code part80} / {@code part20} an 80/20 partition of
 * {@code wide} by id (made in SQL, so that leakage does not depend on split working).
 * {@code sides} is how many tables of the width the operation reads: the cells it is charged
 * for are rows x columns x sides.
 */
final class WideOps {

    /** One timed thing. {@code text} makes its statement (Assay) or SQL (baseline) from the table's columns. */
    record Op(String name, boolean assay, int sides, String timed, Function<Columns, String> text) {
    }

    /** The names of the columns of {@code wide}: every one, and the numbers. */
    record Columns(List<String> all, List<String> numbers) {
    }

    static final List<Op> ALL = List.of(
            new Op("SUMMARIZE", false, 1, "DuckDB SUMMARIZE wide (approximate distinct counts and quantiles)",
                    c -> "SUMMARIZE wide"),
            new Op("scan", false, 1, "one scan: SELECT count(*), min(col) of every column FROM wide",
                    c -> scan("wide", c)),
            new Op("scan of both", false, 2, "one scan of each table: the scan above of wide UNION ALL of moved",
                    c -> scan("wide", c) + " UNION ALL " + scan("moved", c)),
            new Op("SELECT DISTINCT", false, 1, "CREATE OR REPLACE TABLE distinct_rows AS SELECT DISTINCT * FROM wide",
                    c -> "CREATE OR REPLACE TABLE distinct_rows AS SELECT DISTINCT * FROM wide"),
            new Op("profile", true, 1, "profile wide", c -> "profile wide"),
            new Op("drift", true, 2, "drift wide vs moved (auto method per column)", c -> "drift wide vs moved"),
            new Op("duplicates", true, 1, "duplicates wide (whole rows)", c -> "duplicates wide"),
            new Op("dedup", true, 1, "d = dedup wide (whole rows, first row kept)", c -> "d = dedup wide"),
            new Op("split", true, 1, "tr, te = split wide 80/20", c -> "tr, te = split wide 80/20"),
            new Op("leakage", true, 1, "leakage part80, part20 (whole rows; the parts are an 80/20 partition of wide by id)",
                    c -> "leakage part80, part20"),
            new Op("pin", true, 1, "pin wide as 'wide' into a fresh store (fingerprint, snapshot, version)",
                    c -> "pin wide as 'wide'"),
            new Op("diff", true, 2, "diff wide moved (whole rows as multisets, per-column summaries)",
                    c -> "diff wide moved"),
            new Op("diff on id", true, 2, "diff wide moved on id (changed rows and columns by key)",
                    c -> "diff wide moved on id"),
            new Op("check", true, 1, "check wide: rows > 0, and for every column missing(col) < 50%, distinct(col) > 0, "
                    + "and for every number mean(col) >= 0", WideOps::check),
            new Op("report", true, 1, "report wide to 'wide-report.html' (profile, duplicates, page written)",
                    c -> "report wide to 'wide-report.html'"));

    private WideOps() {
    }

    static Op named(String name) {
        return ALL.stream().filter(op -> op.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no operation '" + name + "'; known: "
                        + ALL.stream().map(Op::name).collect(Collectors.joining(", "))));
    }

    private static String scan(String table, Columns c) {
        return "SELECT count(*), " + c.all().stream().map(col -> "min(\"" + col + "\")").collect(Collectors.joining(", "))
                + " FROM " + table;
    }

    /** A check of a few rules over every column, all of them passing on this data (numbers are never negative). */
    private static String check(Columns c) {
        StringBuilder rules = new StringBuilder("check wide: rows > 0");
        for (String col : c.all()) {
            rules.append(String.format(Locale.ROOT, ", missing(%s) < 50%%, distinct(%s) > 0", col, col));
        }
        for (String col : c.numbers()) {
            rules.append(", mean(").append(col).append(") >= 0");
        }
        return rules.toString();
    }
}
