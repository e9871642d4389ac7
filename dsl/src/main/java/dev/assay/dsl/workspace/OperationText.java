package dev.assay.dsl.workspace;

import dev.assay.dsl.duplicates.Match;
import dev.assay.dsl.labels.LabelsPlan;
import dev.assay.dsl.naming.LanguageString;
import dev.assay.dsl.split.SplitPlan;
import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Operations written as the language's statements, for lineage: the same text whether the
 * operation came from a {@code %%assay} cell or from Java, so that a version's history reads
 * like the notebook that made it.
 */
final class OperationText {

    private OperationText() {
    }

    static String load(String name, String path, Map<String, Object> options) {
        String with = options.isEmpty() ? "" : " with (" + options.entrySet().stream()
                .map(e -> e.getKey() + "=" + literal(e.getValue())).collect(Collectors.joining(", ")) + ")";
        return name + " = load " + LanguageString.quote(path) + with;
    }

    static String dedup(String target, String source, Match match) {
        return target + " = dedup " + source + match(match);
    }

    static String split(String source, SplitPlan plan) {
        StringBuilder s = new StringBuilder(String.join(", ", plan.names())).append(" = split ").append(source).append(' ')
                .append(plan.percentages().stream().map(BigDecimal::toPlainString).collect(Collectors.joining("/")));
        if (!plan.by().isEmpty()) {
            s.append(" by ").append(String.join(", ", plan.by()));
        }
        clause(s, "stratify", plan.stratify());
        clause(s, "group", plan.group());
        clause(s, "order by", plan.orderBy());
        if (plan.exact()) {
            s.append(" exact");
        }
        return s.append(" seed ").append(plan.seed()).toString();
    }

    static String copy(String name, String engine, String target, String via) {
        return "copy " + name + " to " + engine + (target != null ? " as " + target : "")
                + (via != null ? " via " + LanguageString.quote(via) : "");
    }

    static String sql(String name, String script) {
        return "%%sql " + name + "\n" + script.strip();
    }

    static String conflicts(String target, String source, LabelsPlan plan) {
        String by = match(plan.features());
        return target + " = conflicts " + source + " on " + plan.label() + (by.startsWith(" on ") ? " by " + by.substring(4) : by);
    }

    private static String match(Match match) {
        StringBuilder s = new StringBuilder();
        if (!match.columns().isEmpty()) {
            s.append(" on ").append(String.join(", ", match.columns()));
        }
        if (match.normalize()) {
            s.append(" normalize");
        }
        if (match.near() != null) {
            s.append(" near ").append(BigDecimal.valueOf(match.near()).stripTrailingZeros().toPlainString());
        }
        return s.toString();
    }

    private static void clause(StringBuilder s, String keyword, String column) {
        if (column != null) {
            s.append(' ').append(keyword).append(' ').append(column);
        }
    }

    private static String literal(Object value) {
        return value instanceof String text ? LanguageString.quote(text) : String.valueOf(value);
    }
}
