package dev.assay.dsl.split;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.OrderedSource;
import dev.assay.dsl.engine.RankedRows;
import dev.assay.dsl.engine.Ranking;
import dev.assay.dsl.engine.SqlDialect;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.engine.StagedTables;
import dev.assay.dsl.engine.WorkTable;
import dev.assay.dsl.result.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a dataset into new datasets, each in the source's row order. A hash split places a
 * row by {@link SplitKey} alone, so adding rows never moves an old one; a stratified or time
 * split ranks the rows of each stratum (by seeded hash, or by the time column) and cuts the
 * ranking at round(n * cumulative share), which keeps every part within one row of its exact
 * share; so does {@code exact} without strata, ranking every row by its seeded hash. The
 * assignment is computed once into a narrow scratch table of (row, part).
 */
public final class Splitter {

    private final SqlEngine engine;

    public Splitter(SqlEngine engine) {
        this.engine = engine;
    }

    /** {@code plan}'s columns must exist in {@code dataset}; {@code labelColumn} may be null. */
    public SplitResult split(String dataset, SplitPlan plan, List<String> allColumns, String labelColumn) {
        plan.validate();
        SqlDialect d = engine.dialect();
        boolean replacesSource = plan.names().contains(dataset);
        List<Column> hashKey = SplitKey.columns(engine, dataset, plan.hashKey(allColumns));
        try (OrderedSource source = OrderedSource.of(engine, dataset, replacesSource);
             WorkTable assignment = assignment(source, plan, hashKey);
             StagedTables staged = StagedTables.of(engine, plan.names())) {
            List<SplitResult.Part> parts = new ArrayList<>();
            long total = count(source);
            for (int i = 0; i < plan.names().size(); i++) {
                String name = plan.names().get(i);
                String aside = staged.aside(name);
                engine.materialize(aside, "SELECT * FROM " + source.table() + " WHERE " + source.ordinal()
                        + " IN (SELECT ord FROM " + assignment.quoted() + " WHERE part = " + i + ") ORDER BY "
                        + source.ordinal());
                long rows = engine.count(aside);
                parts.add(new SplitResult.Part(name, rows, total == 0 ? 0 : (double) rows / total,
                        labelColumn == null ? null : labelCounts(aside, labelColumn)));
            }
            staged.commit(); // all parts or none
            List<String> key = plan.stratify() != null || plan.orderBy() != null ? List.of() : plan.hashKey(allColumns);
            Integer keyVersion = plan.orderBy() != null ? null : SplitKey.version(hashKey); // time order hashes nothing
            return new SplitResult(dataset, plan.method(), key, plan.seed(), labelColumn, parts,
                    plan.sizesVary() ? SplitSpread.note(total, plan.percentages()) : null, keyVersion);
        }
    }

    private long count(OrderedSource source) {
        return ((Number) engine.smallResult("SELECT count(*) FROM " + source.table()).get(0).get(0)).longValue();
    }

    private WorkTable assignment(OrderedSource source, SplitPlan plan, List<Column> hashKey) {
        SqlDialect d = engine.dialect();
        String hash = SplitKey.sqlHex16(d, plan.seed(), hashKey);
        if (plan.sizesVary()) {
            StringBuilder part = new StringBuilder("CASE");
            List<String> bounds = SplitKey.boundaries(plan.percentages());
            for (int i = 0; i < bounds.size(); i++) {
                part.append(" WHEN h < ").append(d.quoteLiteral(bounds.get(i))).append(" THEN ").append(i);
            }
            part.append(" ELSE ").append(bounds.size()).append(" END");
            return WorkTable.of(engine, "split", "SELECT ord, " + part + " AS part FROM (SELECT " + source.ordinal() + " AS ord, "
                    + hash + " AS h FROM " + source.table() + ")");
        }
        return ranked(source, plan, hash);
    }

    /**
     * Exact and ordered splits (and stratified ones, per stratum) rank every row in one order:
     * the engine's ranking, which on Spark moves neither all rows nor a large stratum to one task.
     */
    private WorkTable ranked(OrderedSource source, SplitPlan plan, String hash) {
        SqlDialect d = engine.dialect();
        String key = plan.orderBy() != null ? d.quoteIdentifier(plan.orderBy()) : hash;
        String order = plan.orderBy() != null ? "k ASC NULLS LAST, ord" : "k, ord";
        boolean strata = plan.stratify() != null;
        String rows = "SELECT " + source.ordinal() + " AS ord, " + key + " AS k"
                + (strata ? ", " + d.quoteIdentifier(plan.stratify()) + " AS s" : "") + " FROM " + source.table();
        Ranking ranking = strata ? Ranking.rankWithin(List.of("s"), order, "r", "n") : Ranking.rank(order, "r");
        String n = strata ? "n" : "CAST(" + count(source) + " AS BIGINT) AS n";
        try (RankedRows ranked = engine.ranked(rows, ranking)) {
            return WorkTable.of(engine, "split", "SELECT ord, " + rankCut(plan.percentages()) + " AS part FROM (SELECT ord, r, "
                    + n + " FROM " + ranked.relation() + ")");
        }
    }

    /**
     * Part of the row ranked r (0-based) of n: the first i with r < round(n * cum_i / 100),
     * in integer arithmetic (percentages scaled to whole units), rounding halves up. With
     * A = 2 n cum + total and B = 2 total, r < floor(A / B) is (r + 1) B <= A: no division,
     * whose integer spelling differs between engines.
     */
    static String rankCut(List<BigDecimal> percentages) {
        int scale = percentages.stream().mapToInt(p -> Math.max(0, p.stripTrailingZeros().scale())).max().orElse(0);
        BigDecimal unit = BigDecimal.TEN.pow(scale);
        long total = BigDecimal.valueOf(100).multiply(unit).longValueExact();
        StringBuilder part = new StringBuilder("CASE");
        BigDecimal cumulative = BigDecimal.ZERO;
        for (int i = 0; i < percentages.size() - 1; i++) {
            cumulative = cumulative.add(percentages.get(i));
            long units = cumulative.multiply(unit).longValueExact();
            part.append(" WHEN (r + 1) * ").append(2 * total).append(" <= 2 * n * ").append(units).append(" + ")
                    .append(total).append(" THEN ").append(i);
        }
        return part.append(" ELSE ").append(percentages.size() - 1).append(" END").toString();
    }

    private Map<String, Long> labelCounts(String part, String labelColumn) {
        Map<String, Long> counts = new LinkedHashMap<>();
        String label = engine.quoteIdentifier(labelColumn);
        for (List<Object> row : engine.smallResult("SELECT " + label + ", CAST(count(*) AS BIGINT) FROM "
                + engine.quoteIdentifier(part) + " GROUP BY " + label + " ORDER BY count(*) DESC, " + label
                + " ASC NULLS LAST")) {
            counts.put(String.valueOf(JsonValue.of(row.get(0))), ((Number) row.get(1)).longValue());
        }
        return counts;
    }
}
