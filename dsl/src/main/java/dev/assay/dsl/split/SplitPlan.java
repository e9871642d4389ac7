package dev.assay.dsl.split;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * How to split a dataset: the names of the parts and their percentages (summing to 100), and
 * at most one of the ways to place rows. {@code by}: a hash of those columns (of the whole
 * row when empty) and the seed decides; {@code group}: the same on one column, so a group
 * never spans parts; {@code stratify}: exact proportions within each value of the column;
 * {@code orderBy}: the earliest rows to the first part. {@code exact}: a hash split whose
 * parts have exactly their shares (rows ranked by hash, cut at the counts), at the cost of
 * growth stability: new rows move the cuts. Build with
 * {@code SplitPlan.into("train", "test").percent(80, 20).stratify("label").seed(7)}.
 */
public record SplitPlan(List<String> names, List<BigDecimal> percentages, List<String> by, String stratify,
                        String group, String orderBy, long seed, boolean exact) {

    public SplitPlan {
        names = List.copyOf(names);
        percentages = List.copyOf(percentages);
        by = List.copyOf(by);
    }

    /** A plan without {@code exact}: a hash split places each row on its own, sizes vary. */
    public SplitPlan(List<String> names, List<BigDecimal> percentages, List<String> by, String stratify,
                     String group, String orderBy, long seed) {
        this(names, percentages, by, stratify, group, orderBy, seed, false);
    }

    public static Builder into(String... names) {
        return new Builder(List.of(names));
    }

    /** Refuses what cannot be split, saying why (the parser gives the same messages with a position). */
    public void validate() {
        if (names.size() < 2) {
            throw new IllegalArgumentException("a split needs at least two parts, got " + names.size());
        }
        if (new HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("the parts need different names: " + String.join(", ", names));
        }
        if (percentages.size() != names.size()) {
            throw new IllegalArgumentException(percentages.size() + " percentages for " + names.size()
                    + " names: give one percentage for each of " + String.join(", ", names));
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal p : percentages) {
            String problem = percentageProblem(p);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            sum = sum.add(p);
        }
        if (sum.compareTo(BigDecimal.valueOf(100)) != 0) {
            throw new IllegalArgumentException("the percentages add up to " + sum.stripTrailingZeros().toPlainString()
                    + ", not 100");
        }
        if (group != null && !by.isEmpty()) {
            throw new IllegalArgumentException("give 'by' or 'group', not both: 'group " + group
                    + "' already decides by that column");
        }
        if (group != null && stratify != null) {
            throw new IllegalArgumentException("'group' and 'stratify' cannot be combined: a group's rows may fall in "
                    + "different strata");
        }
        if (exact && group != null) {
            throw new IllegalArgumentException("'exact' and 'group' cannot be combined: keeping each group whole "
                    + "decides the part sizes");
        }
        if (orderBy != null && (group != null || !by.isEmpty())) {
            throw new IllegalArgumentException("'order by' places rows by time; it cannot be combined with 'by' or 'group'");
        }
    }

    /** Finer percentages than this mean nothing for row counts, and would overflow the exact integer cut. */
    public static final int MAX_PERCENT_DECIMALS = 6;

    /** Why a part's percentage is refused, or null when it is fine. */
    public static String percentageProblem(BigDecimal p) {
        if (p.signum() <= 0 || p.compareTo(BigDecimal.valueOf(100)) > 0) {
            return "every part needs a percentage above 0 and at most 100, got " + p.toPlainString();
        }
        if (p.stripTrailingZeros().scale() > MAX_PERCENT_DECIMALS) {
            return "a percentage has at most " + MAX_PERCENT_DECIMALS + " decimal places, got " + p.toPlainString();
        }
        return null;
    }

    /** The columns whose values decide a row's part by hash: group, by, or else all of {@code allColumns}. */
    List<String> hashKey(List<String> allColumns) {
        return group != null ? List.of(group) : by.isEmpty() ? allColumns : by;
    }

    public String method() {
        if (orderBy != null) {
            return stratify != null ? "order-stratified" : "order";
        }
        if (stratify != null) {
            return "stratified";
        }
        if (group != null) {
            return "group";
        }
        return exact ? "hash-exact" : "hash";
    }

    /** True when each row's part depends on that row alone (and the seed): sizes then vary around the shares. */
    public boolean sizesVary() {
        return stratify == null && orderBy == null && !exact;
    }

    /** Fluent construction for the Java API. */
    public static final class Builder {
        private final List<String> names;
        private List<BigDecimal> percentages = List.of();
        private List<String> by = List.of();
        private String stratify;
        private String group;
        private String orderBy;
        private long seed;
        private boolean exact;

        private Builder(List<String> names) {
            this.names = names;
        }

        public Builder percent(Number... percentages) {
            List<BigDecimal> out = new ArrayList<>();
            for (Number n : percentages) {
                out.add(new BigDecimal(n.toString()));
            }
            this.percentages = out;
            return this;
        }

        public Builder by(String... columns) {
            this.by = List.of(columns);
            return this;
        }

        public Builder stratify(String column) {
            this.stratify = column;
            return this;
        }

        public Builder group(String column) {
            this.group = column;
            return this;
        }

        public Builder orderBy(String column) {
            this.orderBy = column;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Parts of exactly their shares (within one row); see {@link SplitPlan}. */
        public Builder exact() {
            this.exact = true;
            return this;
        }

        public SplitPlan build() {
            return new SplitPlan(names, percentages, by, stratify, group, orderBy, seed, exact);
        }
    }
}
