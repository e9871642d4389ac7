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
        if (c.histogram() == null) {
            json.put("histogram", null);
        } else {
            Map<String, Object> histogram = new LinkedHashMap<>();
            histogram.put("edges", c.histogram().edges().stream().map(JsonValue::of).toList());
            histogram.put("counts", c.histogram().counts());
            json.put("histogram", histogram);
        }
        List<Object> top = new ArrayList<>();
        for (ValueCount v : c.top()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("value", JsonValue.of(v.value()));
            entry.put("count", v.count());
            top.add(entry);
        }
        json.put("top", top);
        if (c.length() == null) {
            json.put("length", null);
        } else {
            Map<String, Object> length = new LinkedHashMap<>();
            length.put("min", c.length().min());
            length.put("mean", JsonValue.of(c.length().mean()));
            length.put("max", c.length().max());
            json.put("length", length);
        }
        json.put("pii", c.pii() == null ? null : new LinkedHashMap<>(c.pii()));
        return json;
    }

    /** A value for a sentence: strings quoted, the rest as in JSON. */
    static String display(Object v) {
        Object json = JsonValue.of(v);
        return json instanceof String s && !(v instanceof Double) ? "'" + s + "'" : String.valueOf(json);
    }

}
