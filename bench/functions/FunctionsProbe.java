import dev.assay.dsl.engine.DuckDbDialect;
import dev.assay.dsl.workspace.Workspace;
import java.util.List;

/**
 * A quick probe, not part of bench/run: DuckDB's native SQL against the registered Java
 * definitions (assay_g17, assay_normalize) on 1M values, median of 3 after a warm-up.
 * Run from the repository root after `mvn -B -q package -DskipTests`:
 *   java --add-opens=java.base/java.nio=ALL-UNNAMED -cp kernel/target/assay.jar bench/functions/FunctionsProbe.java
 */
public class FunctionsProbe {

    public static void main(String[] args) {
        try (Workspace ws = Workspace.embedded()) {
            ws.query("SELECT (random() - 0.5) * pow(10, (i % 40) - 20) AS x, 'Row ' || i || ', with  Punctuation! ΟΔΟΣ İ ' "
                    + "|| (i % 977) AS s FROM range(1000000) r(i)", "probe");
            DuckDbDialect d = new DuckDbDialect();
            report(ws, "printf %.17g (native)", "printf('%.17g', x)", "x");
            report(ws, "assay_g17 (Java)", "assay_g17(x)", "x");
            report(ws, "normalize (native SQL)", d.normalizeText("s"), "s");
            report(ws, "assay_normalize (Java)", "assay_normalize(s)", "s");
        }
    }

    private static void report(Workspace ws, String what, String expr, String column) {
        String sql = "SELECT count(DISTINCT " + expr + ") FROM probe";
        ws.engine().smallResult(sql);
        long[] ms = new long[3];
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            ws.engine().smallResult(sql);
            ms[i] = (System.nanoTime() - start) / 1_000_000;
        }
        java.util.Arrays.sort(ms);
        System.out.printf("%-26s %6d ms (1M values, median of 3)%n", what, ms[1]);
    }
}
