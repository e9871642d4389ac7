package dev.assay.dsl.store;

import dev.assay.dsl.workspace.Workspace;

/**
 * A second JVM for {@link StoreProcessesTest}: pins {@code rows} generated rows (their values
 * depend on {@code variant}) as {@code label} in {@code store}, then prints the version.
 */
public final class PinProcess {

    private PinProcess() {
    }

    public static void main(String[] args) {
        String store = args[0];
        String label = args[1];
        long rows = Long.parseLong(args[2]);
        int variant = Integer.parseInt(args[3]);
        try (Workspace ws = Workspace.embedded()) {
            ws.useStore(store);
            ws.sql("SELECT range AS id, 'row ' || range || ' of variant " + variant + "' AS text, range * 0.5 + " + variant
                    + " AS x, (range % 97)::INTEGER AS bucket FROM range(" + rows + ")", "data");
            System.out.println("fingerprinting");
            System.out.flush();
            Pinned pinned = ws.dataset("data").pin(label);
            System.out.println("pinned " + pinned.version().ref());
        }
    }
}
