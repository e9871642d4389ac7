package dev.assay.dsl.statements;

import dev.assay.dsl.baseline.Baseline;
import dev.assay.dsl.baseline.BaselineException;
import dev.assay.dsl.baseline.DurationText;
import dev.assay.dsl.baseline.Tolerance;
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

/**
 * {@code check NAME [against 'LABEL']: rule, ...}, with where each rule is written (errors point
 * at the rule) and where the label is (an unknown one is reported there). {@code against} is
 * null in a plain check.
 */
public record CheckStatement(String dataset, List<Rule> rules, List<Position> rulePositions, Position position,
                             String against, Position againstPosition) implements Statement {

    public static final StatementType TYPE = new StatementSyntax("check", Binding.NONE,
            "check NAME [against 'LABEL']: rows > 1000, missing(text) = 0, duplicates(text) < 1%, rows within 10%, ...",
            Completion.ofDataset().labelAfter("fingerprint", "against"), List.of(Measure.class, Rule.class, Baseline.class),
            CheckStatement::read);

    public CheckStatement(String dataset, List<Rule> rules, List<Position> rulePositions, Position position) {
        this(dataset, rules, rulePositions, position, null, null);
    }

    private static Statement read(StatementReader in, List<String> targets, Position at) {
        String dataset = in.name("a dataset name");
        String against = null;
        Position againstAt = null;
        if (in.acceptWord("against")) {
            againstAt = in.peek().position();
            against = in.checkedString("a version label in quotes, like 'reviews-train'", Baseline::of);
        }
        in.expectSymbol(":");
        List<Rule> rules = new ArrayList<>();
        List<Position> positions = new ArrayList<>();
        do {
            positions.add(in.peek().position());
            rules.add(rule(in));
        } while (in.acceptSymbol(","));
        if (against == null) {
            requireNoBaselineRule(dataset, rules, positions);
        }
        return new CheckStatement(dataset, rules, positions, at, against, againstAt);
    }

    /** A rule comparing with pinned versions in a check without {@code against} is refused at the rule, saying what to add. */
    private static void requireNoBaselineRule(String dataset, List<Rule> rules, List<Position> positions) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).needsBaseline()) {
                throw new ParseException(positions.get(i), rules.get(i).text() + " compares with pinned versions: write check "
                        + dataset + " against 'LABEL': ...");
            }
        }
    }

    /** {@code measure[(arguments)] comparison value[%]}; the measure's own rules are checked here, at its position. */
    private static Rule rule(StatementReader in) {
        Token start = in.peek();
        if (start.isWord("schema") && in.peekAt(1).isWord("unchanged")) {
            in.name("schema");
            in.name("unchanged");
            return Rule.schemaUnchanged();
        }
        String name = in.name("a measure (" + String.join(", ", Measure.names()) + ")");
        List<String> arguments = new ArrayList<>();
        if (in.acceptSymbol("(")) {
            do {
                arguments.add(argument(in, name, arguments.size()));
            } while (in.acceptSymbol(","));
            in.expectSymbol(")");
        }
        Measure measure = StatementReader.atPosition(start, () -> Measure.of(name, arguments));
        if (in.peek().isWord("within")) {
            return within(in, start, measure);
        }
        if (in.peek().isSymbol("%") && in.peekAt(1).isWord("within")) { // missing(x)% within 10%: the share, not the count
            Token percent = in.peek();
            in.expectSymbol("%");
            return within(in, start, StatementReader.atPosition(percent, measure::percent));
        }
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
        if (measure.takesDuration()) { // freshness(ts) <= 12 h
            BigDecimal seconds = duration(in);
            return StatementReader.atPosition(comparison, () -> measure.compare(operator, seconds));
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

    /** {@code within N%} or {@code within N sd} after a measure; a measure without a kept value is refused at the rule. */
    private static Rule within(StatementReader in, Token start, Measure measure) {
        in.expectWord("within");
        Token amount = in.peek();
        BigDecimal n = in.number("a tolerance, like within 10% or within 3 sd");
        if (n.signum() < 0) {
            throw new ParseException(amount.position(), "a tolerance is 0 or more, like within 10% or within 3 sd");
        }
        Tolerance tolerance;
        if (in.acceptSymbol("%")) {
            tolerance = new Tolerance(n, Tolerance.Kind.PERCENT);
        } else if (in.acceptWord("sd")) {
            tolerance = new Tolerance(n, Tolerance.Kind.SD);
        } else {
            throw StatementReader.error(in.peek(), "expected % or sd after within " + amount.text());
        }
        return StatementReader.atPosition(start, () -> new Rule(measure, null, null, null, tolerance));
    }

    /** {@code NUMBER UNIT}, in seconds: a malformed duration is refused where it is written. */
    private static BigDecimal duration(StatementReader in) {
        Token amount = in.peek();
        BigDecimal n = in.number("a duration, like 30 min, 12 h or 2 days");
        if (n.signum() <= 0) {
            throw new ParseException(amount.position(), "a duration is more than 0, like 12 h; got " + amount.text());
        }
        Token unit = in.peek();
        String name = in.name("a unit of time after " + amount.text() + " (" + String.join(", ", DurationText.units()) + ")");
        return StatementReader.atPosition(unit, () -> DurationText.seconds(n, name));
    }

    /**
     * The check's result when every rule holds; otherwise {@link CheckFailedException}. A rule
     * that cannot be measured (an unknown column, say) is reported where the rule is written.
     */
    @Override
    public Object run(StatementContext context) {
        try {
            if (against != null) {
                return context.workspace().dataset(dataset).check(Baseline.of(against), rules);
            }
            return context.workspace().dataset(dataset).check(rules);
        } catch (BaselineException e) {
            throw new ParseException(againstPosition, e.getMessage());
        } catch (RuleException e) {
            throw new ParseException(rulePositions.get(e.ruleIndex()), e.getMessage());
        }
    }
}
