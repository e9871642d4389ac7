package dev.assay.kernel.exec.magic;

import dev.assay.kernel.exec.CellContext;
import dev.assay.kernel.exec.CellError;
import java.util.Locale;

/** {@code %time STATEMENT} and {@code %%time}: runs Java and prints the wall-clock time it took. */
final class TimeMagic implements Magic {

    private final boolean cell;

    TimeMagic(boolean cell) {
        this.cell = cell;
    }

    @Override
    public String name() {
        return "time";
    }

    @Override
    public String help() {
        return cell ? "run the cell's Java and print its wall time" : "run one line of Java and print its wall time";
    }

    @Override
    public boolean isCellMagic() {
        return cell;
    }

    @Override
    public CellError run(String args, String body, CellContext context) {
        String code = cell ? body : args;
        long start = System.nanoTime();
        CellError error = context.runJava(code);
        context.out().stream("stdout", "Wall time: " + format(System.nanoTime() - start) + "\n");
        return error;
    }

    static String format(long nanos) {
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.0f µs", nanos / 1e3);
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
