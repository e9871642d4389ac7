package dev.assay.dsl.statements;

import dev.assay.dsl.check.CheckFailedException;
import dev.assay.dsl.check.Measure;
import dev.assay.dsl.check.MeasureSyntax;
import dev.assay.dsl.check.Operator;
import dev.assay.dsl.check.Rule;
import dev.assay.dsl.check.RuleException;
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
import dev.assay.dsl.naming.LanguageString;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** {@code check NAME: rule, ...}, with where each rule is written (errors point at the rule). */
public record CheckStatement(String dataset, List<Rule> rules, List<Position> rulePositions, Position position)
        implements Statement {

    public static final StatementType TYPE = new StatementSyntax("check", Binding.NONE,
            "check NAME: rows > 1000, missing(text) = 0, duplicates(text) < 1%, ...",
            Completion.ofDataset().labelAfter("fingerprint"), List.of(Measure.class), CheckStatement::read);

    private static Statement read(StatementReader in, List<String> targets, Position at) {
        String dataset = in.name("a dataset name");
        in.expectSymbol(":");
        List<Rule> rules = new ArrayList<>();
        List<Position> positions = new ArrayList<>();
        do {
            positions.add(in.peek().position());
            rules.add(rule(in));
        } while (in.acceptSymbol(","));
        return new CheckStatement(dataset, rules, positions, at);
    }

    /** {@code measure[(arguments)] comparison value[%]}; the measure's own rules are checked here, at its position. */
    private static Rule rule(StatementReader in) {
        Token start = in.peek();
        String name = in.name("a measure (" + String.join(", ", Measure.names()) + ")");
        List<String> arguments = new ArrayList<>();
        if (in.acceptSymbol("(")) {
            do {
                arguments.add(argument(in, name, arguments.size()));
            } while (in.acceptSymbol(","));
            in.expectSymbol(")");
        }
        Measure measure = StatementReader.atPosition(start, () -> Measure.of(name, arguments));
        Token comparison = in.peek();
        Operator operator = comparison.kind() == Token.Kind.SYMBOL ? Operator.of(comparison.text()).orElse(null) : null;
        if (operator == null) {
            throw StatementReader.error(comparison, "expected a comparison (< <= = >= > !=)");
        }
        in.acceptSymbol(comparison.text());
        Token value = in.peek();
        if (measure.isFingerprint()) {
            String expected = in.string("a fingerprint or a version in quotes, like 'sha256:…' or 'label@1'");
            return StatementReader.atPosition(value, () -> measure.compare(operator, expected));
        }
        BigDecimal limit = in.number("a number");
        Measure measured = in.acceptSymbol("%") ? StatementReader.atPosition(value, measure::percent) : measure;
        return measured.compare(operator, limit);
    }

    /** A measure's argument: a name, or a value in quotes where the measure takes values (kept quoted). */
    private static String argument(StatementReader in, String measure, int index) {
        if (in.peek().kind() == Token.Kind.STRING && MeasureSyntax.takesValueAt(measure, index)) {
            return LanguageString.quote(in.string("a value in quotes"));
        }
        return in.name("a column or dataset name");
    }

    /**
     * The check's result when every rule holds; otherwise {@link CheckFailedException}. A rule
     * that cannot be measured (an unknown column, say) is reported where the rule is written.
     */
    @Override
    public Object run(StatementContext context) {
        try {
            return context.workspace().dataset(dataset).check(rules);
        } catch (RuleException e) {
            throw new ParseException(rulePositions.get(e.ruleIndex()), e.getMessage());
        }
    }
}
