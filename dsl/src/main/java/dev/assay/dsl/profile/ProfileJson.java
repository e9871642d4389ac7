package dev.assay.dsl.profile;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
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
        json.put("min", value(c.min()));
        json.put("max", value(c.max()));
        json.put("mean", value(c.mean()));
        json.put("std", value(c.std()));
        if (c.quantiles() == null) {
            json.put("quantiles", null);
        } else {
            Map<String, Object> quantiles = new LinkedHashMap<>();
            c.quantiles().forEach((k, v) -> quantiles.put(k, value(v)));
            json.put("quantiles", quantiles);
        }
        if (c.histogram() == null) {
            json.put("histogram", null);
        } else {
            Map<String, Object> histogram = new LinkedHashMap<>();
            histogram.put("edges", c.histogram().edges().stream().map(ProfileJson::value).toList());
            histogram.put("counts", c.histogram().counts());
            json.put("histogram", histogram);
        }
        List<Object> top = new ArrayList<>();
        for (ValueCount v : c.top()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("value", value(v.value()));
            entry.put("count", v.count());
            top.add(entry);
        }
        json.put("top", top);
        if (c.length() == null) {
            json.put("length", null);
        } else {
            Map<String, Object> length = new LinkedHashMap<>();
            length.put("min", c.length().min());
            length.put("mean", value(c.length().mean()));
            length.put("max", c.length().max());
            json.put("length", length);
        }
        json.put("pii", c.pii() == null ? null : new LinkedHashMap<>(c.pii()));
        return json;
    }

    /** One cell value in its JSON form. */
    public static Object value(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Integer
                || v instanceof Short || v instanceof Byte || v instanceof java.math.BigDecimal
                || v instanceof java.math.BigInteger) {
            return v;
        }
        if (v instanceof Double d) {
            return Double.isFinite(d) ? d : nonFinite(d);
        }
        if (v instanceof Float f) {
            return Float.isFinite(f) ? (Object) f.doubleValue() : nonFinite(f);
        }
        if (v instanceof LocalDateTime t) {
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        if (v instanceof TemporalAccessor t) {
            return t.toString();
        }
        if (v instanceof List<?> list) {
            return list.stream().map(ProfileJson::value).toList();
        }
        return v.toString();
    }

    /** A value for a sentence: strings quoted, the rest as in JSON. */
    static String display(Object v) {
        Object json = value(v);
        return json instanceof String s && !(v instanceof Double) ? "'" + s + "'" : String.valueOf(json);
    }

    private static String nonFinite(double d) {
        return Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
    }
}
