package dev.assay.viz;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the alignment our HTML tables state inline, which is what survives notebook styles
 * (JupyterLab right-aligns every header and cell by default): every header and every cell,
 * NULL included, states its alignment, and a column's cells align as its header does.
 * tests/jupyter checks the computed styles in a browser.
 */
public final class HtmlTables {

    private static final Pattern TABLE = Pattern.compile("<table>(.*?)</table>", Pattern.DOTALL);
    private static final Pattern ROW = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<(t[hd])([^>]*)>", Pattern.DOTALL);
    private static final Pattern ALIGN = Pattern.compile("text-align:(left|right)");

    private HtmlTables() {
    }

    /** What is misaligned in the tables of {@code html}; empty when nothing is. */
    public static List<String> misaligned(String html) {
        List<String> problems = new ArrayList<>();
        Matcher table = TABLE.matcher(html);
        int t = 0;
        while (table.find()) {
            t++;
            List<String> header = null;
            Matcher row = ROW.matcher(table.group(1));
            while (row.find()) {
                List<String> aligns = new ArrayList<>();
                Matcher cell = CELL.matcher(row.group(1));
                while (cell.find()) {
                    Matcher a = ALIGN.matcher(cell.group(2));
                    aligns.add(a.find() ? a.group(1) : "none");
                }
                if (header == null) {
                    header = aligns;
                } else if (!aligns.equals(header)) {
                    problems.add("table " + t + ": header " + header + ", row " + aligns);
                }
            }
            if (header != null && header.contains("none")) {
                problems.add("table " + t + ": a header states no alignment: " + header);
            }
        }
        return problems;
    }
}
