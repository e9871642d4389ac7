package dev.assay.dsl.correlations;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.SqlEngine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Computes the correlations of a relation's columns in the engine, exactly and over every row:
 * Pearson from a {@code corr} aggregate per pair, Spearman from ranks over each pair's complete
 * rows, Cramér's V from contingency counts, eta from group sums (docs/correlations.md). Pairs go
 * in batches, so the work grows linearly with the number of pairs.
 */
public final class Correlator {

    private final SqlEngine engine;

    public Correlator(SqlEngine engine) {
        this.engine = engine;
    }

    /**
     * The correlations of {@code columns} (of the schema, in that order) of {@code relation},
     * shown as {@code dataset}; a column the method cannot take is refused.
     */
    public Correlations correlate(String relation, String dataset, List<Column> columns, CorrelationMethod method) {
        return correlate(relation, dataset, columns, method, true);
    }

    /**
     * As {@link #correlate(String, String, List, CorrelationMethod)}; when {@code named} is false
     * (every column of the dataset), a column the method cannot take is left out with a note.
     */
    public Correlations correlate(String relation, String dataset, List<Column> columns, CorrelationMethod method,
                                  boolean named) {
        ChosenColumns chosen = ChosenColumns.choose(dataset, columns, method, named);
        ColumnCheck check = ColumnCheck.of(engine, relation, chosen);
        int n = chosen.columns().size();
        Map<CorrelationMethod, List<Pair>> byMethod = new EnumMap<>(CorrelationMethod.class);
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                CorrelationMethod m = methodOf(method, chosen.forms().get(a), chosen.forms().get(b));
                if (m != null && check.defined().get(a) && check.defined().get(b)) {
                    byMethod.computeIfAbsent(m, k -> new ArrayList<>()).add(new Pair(a, b, m));
                }
            }
        }
        Double[][] matrix = new Double[n][n];
        List<CorrelationNote> notes = new ArrayList<>(chosen.leftOut());
        notes.addAll(check.notes());
        List<Pair> undefined = new ArrayList<>();
        byMethod.forEach((m, pairs) -> {
            List<Double> values = valuesOf(m).values(engine, relation, chosen, pairs, check.rows());
            for (int i = 0; i < pairs.size(); i++) {
                Pair p = pairs.get(i);
                matrix[p.a()][p.b()] = values.get(i);
                matrix[p.b()][p.a()] = values.get(i);
                if (values.get(i) == null) {
                    undefined.add(p);
                }
            }
        });
        undefined.sort(Comparator.comparingInt(Pair::a).thenComparingInt(Pair::b));
        for (Pair p : undefined) {
            String a = chosen.columns().get(p.a()).name();
            String b = chosen.columns().get(p.b()).name();
            notes.add(new CorrelationNote(a, "no " + p.method().keyword() + " of '" + a + "' with '" + b
                    + "': fewer than two rows hold both, or one of them has a single value where both are present"));
        }
        for (int i = 0; i < n; i++) {
            matrix[i][i] = check.defined().get(i) ? 1.0 : null;
        }
        return result(dataset, method, chosen, matrix, byMethod, notes);
    }

    /** Refuses, before any data is read, columns {@code method} cannot take (named by the user) and too few or too many. */
    public static void checkColumns(String dataset, List<Column> columns, CorrelationMethod method) {
        ChosenColumns.choose(dataset, columns, method, true);
    }

    /**
     * How strong a pair is, for ordering: its absolute value to 12 decimals, so that values
     * equal but for rounding (pearson and eta of the same two-valued column, say, or one value
     * summed in another order on another engine) are ties, kept in matrix order.
     */
    static long strength(CorrelatedPair pair) {
        return Math.round(Math.abs(pair.value()) * 1e12);
    }

    /** The method of a pair whose values take these forms, or null when {@code chosen} does not correlate such a pair. */
    static CorrelationMethod methodOf(CorrelationMethod chosen, ValueForm a, ValueForm b) {
        return switch (chosen) {
            case AUTO -> a != b ? CorrelationMethod.ETA : a == ValueForm.NUMBER ? CorrelationMethod.PEARSON : CorrelationMethod.CRAMER;
            case ETA -> a != b ? CorrelationMethod.ETA : null;
            default -> chosen;
        };
    }

    private static PairValues valuesOf(CorrelationMethod method) {
        return switch (method) {
            case PEARSON -> new PearsonValues();
            case SPEARMAN -> new SpearmanValues();
            case CRAMER -> new CramerValues();
            case ETA -> new EtaValues();
            case AUTO -> throw new IllegalArgumentException("auto is a choice of method, not a method");
        };
    }

    /** The result: pairs with a value, strongest first (ties in matrix order), and findings for the strong ones. */
    private static Correlations result(String dataset, CorrelationMethod method, ChosenColumns chosen, Double[][] matrix,
                                       Map<CorrelationMethod, List<Pair>> byMethod, List<CorrelationNote> notes) {
        List<String> names = chosen.columns().stream().map(Column::name).toList();
        List<Pair> all = new ArrayList<>();
        byMethod.values().forEach(all::addAll);
        all.sort(Comparator.comparingInt(Pair::a).thenComparingInt(Pair::b));
        List<CorrelatedPair> pairs = new ArrayList<>();
        for (Pair p : all) {
            Double v = matrix[p.a()][p.b()];
            if (v != null) {
                pairs.add(new CorrelatedPair(names.get(p.a()), names.get(p.b()), p.method(), v));
            }
        }
        pairs.sort(Comparator.comparingLong(Correlator::strength).reversed());
        List<CorrelationFinding> findings = new ArrayList<>();
        for (CorrelatedPair p : pairs) {
            if (Math.abs(p.value()) > Correlations.STRONG) {
                findings.add(new CorrelationFinding(p.a(), p.b(), "strong", String.format(Locale.ROOT,
                        "'%s' and '%s' correlate strongly (%s %.4f, above %.2f in absolute value): one nearly tells the other",
                        p.a(), p.b(), p.method().keyword(), p.value(), Correlations.STRONG)));
            }
        }
        List<List<Double>> rows = new ArrayList<>();
        for (Double[] row : matrix) {
            rows.add(Arrays.asList(row));
        }
        return new Correlations(dataset, method, names, rows, pairs, notes, findings);
    }
}
