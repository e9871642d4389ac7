package dev.assay.dsl.duplicates;

import dev.assay.dsl.workspace.Dataset;
import dev.assay.dsl.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run by {@link TemplatedTextsTest} in a JVM of its own (small heap, ASSAY_MEMORY_LIMIT in
 * its environment): near duplicates, near dedup and near leakage of ROWS templated texts,
 * then a report of them and of one half against the other (the same searches at the
 * report's own threshold). Prints one {@code name=value} line per result, then its peak
 * resident memory.
 */
public final class TemplatedNearProcess {

    public static void main(String[] args) throws Exception {
        long rows = Long.parseLong(args[0]);
        try (Workspace ws = Workspace.embedded()) {
            ws.query(TemplatedTextsTest.TEMPLATE.replace("ROWS", String.valueOf(rows)), "codes");
            Dataset codes = ws.dataset("codes");
            Duplicates d = codes.duplicates(Match.on("msg").near(0.7));
            System.out.println("clusters=" + d.near().clusters());
            System.out.println("rows_in_clusters=" + d.near().rowsInClusters());
            System.out.println("dedup_rows=" + codes.dedup("clean", Match.on("msg").near(0.7)).rows());
            ws.query("SELECT * FROM codes WHERE rowid % 2 = 0", "left_half");
            ws.query("SELECT * FROM codes WHERE rowid % 2 = 1", "right_half");
            Leakage leak = ws.dataset("left_half").leakage(ws.dataset("right_half"), Match.on("msg").near(0.7));
            System.out.println("right_rows=" + leak.rightRows());
            System.out.println("near_overlap_rows=" + leak.nearOverlapRows());
            // report runs the same searches on its free-text column.
            var report = codes.report();
            System.out.println("report_clusters=" + report.nearDuplicates().near().clusters());
            var versus = ws.dataset("left_half").report(ws.dataset("right_half"));
            System.out.println("report_near_overlap_rows=" + versus.comparison().nearShared().nearOverlapRows());
        }
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) { // peak resident set, in kB
                System.out.println("peak_rss_kb=" + line.replaceAll("[^0-9]", ""));
            }
        }
    }
}
