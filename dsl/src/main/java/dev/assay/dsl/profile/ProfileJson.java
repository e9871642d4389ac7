package dev.assay.dsl.profile;

import dev.assay.dsl.result.JsonValue;

import java.util.ArrayList;
import java.util.Arrays;
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
        json.put("duplicate_columns", profile.duplicateColumns().stream()
                .map(p -> (Object) JsonValue.object("a", p.a(), "b", p.b())).toList());
        List<Object> findings = new ArrayList<>();
        for (Finding f : profile.findings()) {
            Map<String, Object> finding = new LinkedHashMap<>();
            finding.put("column", f.column());
            finding.put("kind", f.kind());
            finding.put("message", f.message());
            finding.put("rows", f.rows());
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
        numbers(json, c.numbers());
        texts(json, c.texts());
        return json;
    }

    /** The integrity fields of numbers, each null when the column is not numeric. */
    private static void numbers(Map<String, Object> json, NumberIntegrity n) {
        json.put("zeros", n == null ? null : n.zeros());
        json.put("negatives", n == null ? null : n.negatives());
        json.put("infinite", n == null ? null : n.infinite());
        json.put("skewness", n == null ? null : JsonValue.of(n.skewness()));
        json.put("kurtosis", n == null ? null : JsonValue.of(n.kurtosis()));
        outliers(json, "iqr_", n == null ? null : n.iqrOutliers());
        json.put("mad", n == null ? null : JsonValue.of(n.mad()));
        outliers(json, "mad_", n == null ? null : n.madOutliers());
    }

    /** {@code PREFIXoutliers} (a count), {@code PREFIXfences} ([low, high]) and {@code PREFIXoutlier_examples}. */
    private static void outliers(Map<String, Object> json, String prefix, Outliers o) {
        json.put(prefix + "outliers", o == null ? null : o.count());
        json.put(prefix + "fences", o == null ? null : Arrays.asList(JsonValue.of(o.low()), JsonValue.of(o.high())));
        json.put(prefix + "outlier_examples", o == null ? null : o.examples().stream().map(JsonValue::of).toList());
    }

    /** The integrity fields of texts, each null when the column is not text. */
    private static void texts(Map<String, Object> json, TextIntegrity t) {
        json.put("null_like", t == null ? null : t.nullLike());
        json.put("null_like_tokens", t == null ? null : t.nullLikeTokens().stream()
                .map(k -> (Object) JsonValue.object("token", k.token(), "count", k.count())).toList());
        json.put("numeric_like", t == null ? null : t.numericLike());
        json.put("variants", t == null ? null : t.variants());
        json.put("variant_examples", t == null ? null : t.variantExamples());
        json.put("variant_rows", t == null ? null : t.variantRows());
        json.put("edge_spaces", t == null ? null : t.edgeSpaces());
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
