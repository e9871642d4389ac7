package dev.assay.dsl.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The findings a reviewer needs flagged, from the column profiles. */
final class Findings {

    private Findings() {
    }

    static List<Finding> of(long rows, List<ColumnProfile> columns) {
        List<Finding> findings = new ArrayList<>();
        for (ColumnProfile c : columns) {
            if (c.count() > 0 && c.distinct() == 1) {
                findings.add(new Finding(c.name(), "constant",
                        "constant: every value present is " + ProfileJson.display(c.top().get(0).value())));
            }
            if (rows > 1 && c.distinct() == rows) {
                findings.add(new Finding(c.name(), "unique",
                        String.format(Locale.ROOT, "all %,d values are distinct: an identifier?", rows)));
            }
            if (c.missing() * 2 > rows) {
                findings.add(new Finding(c.name(), "missing", String.format(Locale.ROOT, "%s missing (%,d of %,d rows)",
                        percent(c.missing(), rows), c.missing(), rows)));
            }
            if (c.pii() != null) {
                for (PiiPattern p : PiiPattern.values()) {
                    long n = c.pii().get(p.key());
                    if (n > 0) {
                        findings.add(new Finding(c.name(), "pii", String.format(Locale.ROOT,
                                "personal data: %,d values hold %s", n, p.description())));
                    }
                }
            }
        }
        return findings;
    }

    private static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.1f%%", whole == 0 ? 0.0 : 100.0 * part / whole);
    }
}
