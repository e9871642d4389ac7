package dev.assay.dsl.statements;

import dev.assay.dsl.lang.ParseException;
import dev.assay.dsl.lang.Position;
import dev.assay.dsl.lang.Statement;
import dev.assay.dsl.lang.StatementContext;
import dev.assay.dsl.lang.StatementReader;
import dev.assay.dsl.lang.StatementSyntax;
import dev.assay.dsl.lang.StatementType;
import dev.assay.dsl.lang.StatementType.Binding;
import dev.assay.dsl.lang.StatementType.Completion;
import dev.assay.dsl.lang.Token;
import dev.assay.dsl.split.SplitPlan;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code A, B, C = split NAME 80/10/10 [by COLS] [stratify COL] [group COL] [order by COL] [exact] [seed N]};
 * each part is bound to the name at its place on the left.
 */
public record SplitStatement(List<String> targets, String dataset, List<BigDecimal> percentages, List<String> by,
        String stratify, String group, String orderBy, Long seed, boolean exact, Position position) implements Statement {

    public static final StatementType TYPE = new StatementSyntax("split", Binding.SEVERAL,
            "A, B, C = split NAME 80/10/10 [by COLUMNS] [stratify COLUMN] [group COLUMN] [order by COLUMN] [exact] [seed N]",
            Completion.ofDataset("by", "stratify", "group", "order", "seed", "exact").columnsAfter("by", "stratify", "group"),
            List.of(SplitPlan.class), SplitStatement::read);

    /** The clauses as they are read, each at most once. */
    private static final class Clauses {
        List<String> by = List.of();
        String stratify;
        String group;
        String orderBy;
        Long seed;
        boolean exact;
    }

    private static Statement read(StatementReader in, List<String> targets, Position at) {
        String dataset = in.name("the dataset to split");
        List<BigDecimal> parts = new ArrayList<>();
        Token start = in.peek();
        parts.add(percentage(in, "percentages like 80/10/10"));
        while (in.acceptSymbol("/")) {
            parts.add(percentage(in, "a percentage"));
        }
        if (parts.size() != targets.size()) {
            throw new ParseException(start.position(), parts.size() + " percentages for " + targets.size()
                    + " names: give one percentage for each of " + String.join(", ", targets));
        }
        BigDecimal sum = parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(BigDecimal.valueOf(100)) != 0) {
            throw new ParseException(start.position(), "the percentages add up to " + sum.stripTrailingZeros().toPlainString()
                    + ", not 100");
        }
        Clauses c = new Clauses();
        Map<String, Runnable> clauses = new LinkedHashMap<>();
        clauses.put("by", () -> c.by = in.columns());
        clauses.put("stratify", () -> c.stratify = in.name("a column name"));
        clauses.put("group", () -> c.group = in.name("a column name"));
        clauses.put("order", () -> {
            in.expectWord("by");
            c.orderBy = in.name("a column name");
        });
        clauses.put("seed", () -> c.seed = in.seed());
        clauses.put("exact", () -> c.exact = true);
        in.clauses(clauses);
        return new SplitStatement(targets, dataset, parts, c.by, c.stratify, c.group, c.orderBy, c.seed, c.exact, at);
    }

    /** A part's percentage, checked where it is written by the plan's own rule. */
    static BigDecimal percentage(StatementReader in, String what) {
        Token t = in.peek();
        BigDecimal p = in.number(what);
        String problem = SplitPlan.percentageProblem(p);
        if (problem != null) {
            throw new ParseException(t.position(), problem);
        }
        return p;
    }

    @Override
    public Object run(StatementContext context) {
        return context.workspace().dataset(dataset).split(new SplitPlan(targets, percentages, by, stratify, group, orderBy,
                seed != null ? seed : 0L, exact));
    }
}
