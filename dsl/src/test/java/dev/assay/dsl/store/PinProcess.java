package dev.assay.dsl.store;

import dev.assay.dsl.history.MetricsKeeper;
import dev.assay.dsl.workspace.Workspace;

/**
 * A second JVM for {@link StoreProcessesTest}: pins {@code rows} generated rows (their values
 * depend on {@code variant}) as {@code label} in {@code store}, then prints the version. With
 * a fifth argument {@code announce}, it prints {@code profiling} before computing the metrics
 * and {@code profiled FINGERPRINT} after, so that the test can kill it at those moments.
 */
public final class PinProcess {

    private PinProcess() {
    }

    public static void main(String[] args) {
        String store = args[0];
        String label = args[1];
        long rows = Long.parseLong(args[2]);
        int variant = Integer.parseInt(args[3]);
        boolean announce = args.length > 4 && args[4].equals("announce");
        try (Workspace ws = Workspace.embedded()) {
            ws.useStore(store);
            ws.sql("SELECT range AS id, 'row ' || range || ' of variant " + variant + "' AS text, range * 0.5 + " + variant
                    + " AS x, (range % 97)::INTEGER AS bucket FROM range(" + rows + ")", "data");
            System.out.println("fingerprinting");
            System.out.flush();
            Pinned pinned = announce ? announced(ws, label) : ws.dataset("data").pin(label);
            System.out.println("pinned " + pinned.version().ref());
        }
    }

    /** The pin {@code Dataset.pin} makes, saying when its profile starts and ends. */
    private static Pinned announced(Workspace ws, String label) {
        ContentMetrics profiled = MetricsKeeper.computedOn(ws.engine());
        ContentMetrics announced = new ContentMetrics() {
            @Override
            public byte[] of(String relation, Fingerprint fingerprint) {
                System.out.println("profiling");
                System.out.flush();
                byte[] bytes = profiled.of(relation, fingerprint);
                System.out.println("profiled " + fingerprint);
                System.out.flush();
                return bytes;
            }

            @Override
            public boolean readable(Fingerprint fingerprint, byte[] kept) {
                return profiled.readable(fingerprint, kept);
            }
        };
        return new Pinner(ws.engine(), ws.store(), announced).pin("data", label, Provenance.UNKNOWN);
    }
}
