package dev.assay.viz.report;

/**
 * One figure at the top of a report ("Duplicate rows: 403, 7.2% of rows"); {@code level} is
 * "ok", "warn" or "bad" and colours the tile, so a reader sees at a glance what needs a look.
 */
public record ReportTile(String label, String value, String detail, String level) {

    static ReportTile ok(String label, String value, String detail) {
        return new ReportTile(label, value, detail, "ok");
    }

    /** "warn" when {@code count} is above zero. */
    static ReportTile warnIf(long count, String label, String value, String detail) {
        return new ReportTile(label, value, detail, count > 0 ? "warn" : "ok");
    }

    /** "bad" when {@code count} is above zero. */
    static ReportTile badIf(long count, String label, String value, String detail) {
        return new ReportTile(label, value, detail, count > 0 ? "bad" : "ok");
    }

    /** "label: value (detail)", and a "!" in front when it needs a look, for consoles. */
    String text() {
        return ("ok".equals(level) ? "  " : "! ") + label + ": " + value + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
