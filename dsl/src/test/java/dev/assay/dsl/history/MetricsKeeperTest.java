package dev.assay.dsl.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.dsl.SharedData;
import dev.assay.dsl.store.Fingerprint;
import dev.assay.dsl.store.StoredVersion;
import dev.assay.dsl.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Metrics kept with pinned versions: written by the pin, computed once for older versions, never trusted when damaged. */
class MetricsKeeperTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);

    @TempDir
    Path dir;
    private Workspace ws;

    @BeforeEach
    void open() {
        ws = Workspace.embedded();
        ws.useStore(dir.resolve("store").toString());
        ws.load(SharedData.file("penguins.csv").toString(), "penguins", Map.of());
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void aPinKeepsTheProfileWithoutItsCharts() throws IOException {
        StoredVersion v = ws.dataset("penguins").pin("penguins").version();
        Path file = ws.store().metricsFile(v.fingerprint());
        assertTrue(Files.isRegularFile(file), "kept before the label file was written");
        VersionMetrics kept = VersionMetrics.read(v.fingerprint(), Files.readAllBytes(file), file.toString());
        JsonNode profile = JSON.valueToTree(ws.dataset("penguins").profile().toJson());
        assertEquals(v.rows(), kept.rows());
        assertEquals(v.schema().stream().map(c -> c.name()).toList(), kept.columnNames());
        for (JsonNode column : profile.path("columns")) {
            JsonNode metrics = kept.column(column.path("name").asText()).orElseThrow();
            assertTrue(metrics.path("histogram").isMissingNode(), "no charts");
            for (String field : new String[] {"type", "count", "missing", "distinct", "min", "max", "mean", "std", "quantiles", "top"}) {
                assertEquals(text(column.path(field)), text(metrics.path(field)), column.path("name") + " " + field);
            }
        }
    }

    @Test
    void aVersionPinnedBeforeMetricsGetsThemOnceWhenFirstNeeded() throws IOException {
        StoredVersion v = ws.dataset("penguins").pin("penguins").version();
        Path file = ws.store().metricsFile(v.fingerprint());
        JsonNode fresh = JSON.readTree(Files.readAllBytes(file));
        Files.delete(file); // as a store written before metrics were kept

        VersionMetrics computed = ws.metrics(v);
        assertTrue(Files.isRegularFile(file), "computed from the snapshot and kept");
        assertEquals(fresh, JSON.readTree(Files.readAllBytes(file)), "equal to what a fresh pin of the same data keeps");
        assertEquals(text(fresh.path("profile")), text(computed.profile()));

        Files.setLastModifiedTime(file, LONG_AGO);
        Files.delete(ws.store().snapshotFile(v.fingerprint())); // the data cannot be read again: only the file can answer
        VersionMetrics again = ws.metrics(v);
        assertEquals(text(computed.profile()), text(again.profile()));
        assertEquals(LONG_AGO, Files.getLastModifiedTime(file), "read, not computed and written again");
    }

    @Test
    void aDamagedMetricsFileIsRecomputedAndReplaced() throws IOException {
        StoredVersion v = ws.dataset("penguins").pin("penguins").version();
        Path file = ws.store().metricsFile(v.fingerprint());
        byte[] good = damage(file);
        VersionMetrics metrics = ws.metrics(v);
        assertEquals(text(JSON.readTree(good).path("profile")), text(metrics.profile()));
        assertEquals(JSON.readTree(good), JSON.readTree(Files.readAllBytes(file)), "the damaged file was replaced");
    }

    @Test
    void aPinReplacesDamagedMetricsOfItsContent() throws IOException {
        StoredVersion v = ws.dataset("penguins").pin("a").version();
        Path file = ws.store().metricsFile(v.fingerprint());
        byte[] good = damage(file);
        ws.dataset("penguins").pin("b");
        assertEquals(JSON.readTree(good), JSON.readTree(Files.readAllBytes(file)));
    }

    @Test
    void theSameContentUnderTwoLabelsSharesItsMetricsComputedOnce() throws IOException {
        Fingerprint a = ws.dataset("penguins").pin("a").version().fingerprint();
        Path file = ws.store().metricsFile(a);
        Files.setLastModifiedTime(file, LONG_AGO);
        ws.sql("SELECT * FROM penguins ORDER BY random()", "shuffled");
        Fingerprint b = ws.dataset("shuffled").pin("b").version().fingerprint();
        assertEquals(a, b);
        assertEquals(LONG_AGO, Files.getLastModifiedTime(file), "not profiled and written again");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(1, files.count());
        }
    }

    /** Cuts the file in half, as a hand or a broken disk might; its good bytes. */
    private static byte[] damage(Path file) throws IOException {
        byte[] good = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(good, good.length / 2));
        return good;
    }

    /** JSON text: numbers read from a file and numbers made in memory are equal as text, not as node types. */
    private static String text(JsonNode node) throws IOException {
        return JSON.writeValueAsString(node);
    }
}
