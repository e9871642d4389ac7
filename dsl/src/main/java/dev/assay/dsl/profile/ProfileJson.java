package dev.assay.dsl.profile;

import dev.assay.dsl.result.JsonValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A profile as JSON-ready maps, lists, numbers and strings: the contract scripts and CI read.
 * Times are ISO-8601 strings; doubles that JSON cannot hold (NaN, infinities) are strings.
 */
public final class ProfileJson {

    private ProfileJson() {
    }

    static Map<String, Object> of(Profile profile) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", "profile");
        json.put("dataset", profile.dataset());
        json.put("rows", profile.rows());
        List<Object> columns = new ArrayList<>();
        for (ColumnProfile c : profile.columns()) {
            columns.add(column(c));
        }
        json.put("columns", columns);
        List<Object> findings = new ArrayList<>();
        for (Finding f : profile.findings()) {
            Map<String, Object> finding = new LinkedHashMap<>();
            finding.put("column", f.column());
            finding.put("kind", f.kind());
            finding.put("message", f.message());
            findings.add(finding);
        }
        json.put("findings", findings);
        return json;
    }

    private static Map<String, Object> column(ColumnProfile c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", c.name());
        json.put("type", c.type());
        json.put("kind", c.kind().jsonName());
        json.put("count", c.count());
        json.put("missing", c.missing());
        json.put("distinct", c.distinct());
        json.put("min", JsonValue.of(c.min()));
        json.put("max", JsonValue.of(c.max()));
        json.put("mean", JsonValue.of(c.mean()));
        json.put("std", JsonValue.of(c.std()));
        if (c.quantiles() == null) {
            json.put("quantiles", null);
        } else {
            Map<String, Object> quantiles = new LinkedHashMap<>();
            c.quantiles().forEach((k, v) -> quantiles.put(k, JsonValue.of(v)));
            json.put("quantiles", quantiles);
        }
        json.put("histogram", histogram(c.histogram()));
        List<Object> top = new ArrayList<>();
        for (ValueCount v : c.top()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("value", JsonValue.of(v.value()));
            entry.put("count", v.count());
            top.add(entry);
        }
        json.put("top", top);
        Map<String, Object> length = null;
        if (c.length() != null) {
            length = spread(c.length().min(), c.length().mean(), c.length().max());
            length.put("histogram", histogram(c.lengthHistogram()));
        }
        json.put("length", length);
        json.put("words", c.words() == null ? null : spread(c.words().min(), c.words().mean(), c.words().max()));
        json.put("pii", c.pii() == null ? null : new LinkedHashMap<>(c.pii()));
        return json;
    }

    /** {"min", "mean", "max"} of a count per value (characters, words). */
    private static Map<String, Object> spread(long min, double mean, long max) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("min", min);
        json.put("mean", JsonValue.of(mean));
        json.put("max", max);
        return json;
    }

    /** Edges and counts; {@code values}, the value of each bin, when binned per value, else null. */
    private static Map<String, Object> histogram(Histogram h) {
        if (h == null) {
            return null;
        }
        Map<String, Object> histogram = new LinkedHashMap<>();
        histogram.put("edges", h.edges().stream().map(JsonValue::of).toList());
        histogram.put("counts", h.counts());
        histogram.put("values", h.values() == null ? null : h.values().stream().map(JsonValue::of).toList());
        return histogram;
    }

    /** A value for a sentence: strings quoted, the rest as in JSON. */
    static String display(Object v) {
        Object json = JsonValue.of(v);
        return json instanceof String s && !(v instanceof Double) ? "'" + s + "'" : String.valueOf(json);
    }

}
