package dev.assay.dsl;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The workplace's shared test datasets: $ASSAY_SHARED/data, by default ../shared/data beside
 * the clone (tests/run-all sets ASSAY_SHARED). Not in the repository: public data, kept once.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Path dir() {
        String shared = System.getenv("ASSAY_SHARED");
        // Surefire runs each module's tests in the module's folder: the clone is one level up.
        Path base = shared != null && !shared.isBlank() ? Path.of(shared) : Path.of("..", "..", "shared");
        Path data = base.resolve("data").toAbsolutePath().normalize();
        if (!Files.isDirectory(data)) {
            throw new IllegalStateException("no shared test data at " + data
                    + ": clone beside the shared folder or set ASSAY_SHARED to it");
        }
        return data;
    }

    public static Path file(String name) {
        return dir().resolve(name);
    }
}
