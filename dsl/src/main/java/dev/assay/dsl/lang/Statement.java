package dev.assay.dsl.lang;

import dev.assay.dsl.workspace.DiffSide;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The statements of the language (DESIGN.md), as parsed: names and values, no SQL. */
public sealed interface Statement {

    Position position();

    /** {@code on COLS [normalize]}: which columns to compare, and whether text is normalized. */
    record KeySpec(List<String> columns, boolean normalize) {
        public static final KeySpec ALL = new KeySpec(List.of(), false);
    }

    record Load(String target, String path, boolean pin, Map<String, Object> options, Position position)
            implements Statement {
    }

    record Show(String dataset, Integer limit, Position position) implements Statement {
    }

    /** {@code phoneRegions} null: the default regions. */
    record Profile(String dataset, List<String> columns, dev.assay.dsl.profile.PhoneRegions phoneRegions, Position position)
            implements Statement {
    }

    record Duplicates(String dataset, KeySpec on, BigDecimal near, Position position) implements Statement {
    }

    record Dedup(String target, String dataset, KeySpec on, BigDecimal near, Position position) implements Statement {
    }

    record Split(List<String> targets, String dataset, List<BigDecimal> percentages, List<String> by,
            String stratify, String group, String orderBy, Long seed, boolean exact, Position position) implements Statement {
    }

    record Leakage(String left, String right, KeySpec on, BigDecimal near, Position position) implements Statement {
    }

    record Drift(String reference, String current, List<String> columns, String using, BigDecimal threshold,
            Position position) implements Statement {
    }

    record Pin(String dataset, String label, Position position) implements Statement {
    }

    record Versions(String label, Position position) implements Statement {
    }

    /** {@code diff A B [on KEY]}: each side a version in quotes or a dataset name. */
    record Diff(DiffSide from, DiffSide to, List<String> on, Position position) implements Statement {
    }

    /** {@code check NAME: rule, ...}, with where each rule is written (errors point at the rule). */
    record Check(String dataset, List<dev.assay.dsl.check.Rule> rules, List<Position> rulePositions, Position position)
            implements Statement {
    }

    record Report(String dataset, String versus, String to, Position position) implements Statement {
    }
}
