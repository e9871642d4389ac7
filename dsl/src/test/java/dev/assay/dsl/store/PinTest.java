package dev.assay.dsl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.SharedData;
import dev.assay.dsl.duplicates.Match;
import dev.assay.dsl.split.SplitPlan;
import dev.assay.dsl.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pinning, versions, lineage, checked loads and gc, on a real store directory. */
class PinTest {

    @TempDir
    Path dir;
    private Workspace ws;
    private Path store;

    @BeforeEach
    void open() {
        ws = Workspace.embedded();
        store = dir.resolve("store");
        ws.useStore(store.toString());
        ws.load(SharedData.file("penguins.csv").toString(), "penguins", Map.of());
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void unchangedContentKeepsItsVersionAndChangesAddTheNext() {
        Pinned first = ws.dataset("penguins").pin("penguins");
        assertTrue(first.added());
        assertEquals(1, first.version().version());
        assertEquals(344, first.version().rows());
        assertEquals(List.of("penguins = load '" + SharedData.file("penguins.csv") + "'"), first.version().operations());

        ws.sql("SELECT * FROM penguins ORDER BY random()", "shuffled");
        Pinned same = ws.dataset("shuffled").pin("penguins");
        assertFalse(same.added(), "the same rows in another order are the same content");
        assertEquals(first.version(), same.version());

        ws.sql("SELECT * FROM penguins WHERE species <> 'Gentoo'", "fewer");
        Pinned second = ws.dataset("fewer").pin("penguins");
        assertTrue(second.added());
        assertEquals(2, second.version().version());
        assertEquals(List.of(first.version().asParent()), second.version().parents(), "fewer was made from penguins@1");
        assertEquals(List.of(1, 2), ws.versions("penguins").versions().stream().map(StoredVersion::version).toList());
        assertEquals(2, snapshots().size(), "two versions, two snapshots");
    }

    @Test
    void lineageFollowsLoadPinDedupSplitAndSql() {
        ws.dataset("penguins").pin("raw");
        ws.loadPin("raw@1", "raw");
        ws.dataset("raw").dedup("clean", Match.on("species", "island"));
        ws.dataset("clean").split(SplitPlan.into("train", "test").percent(50, 50).seed(3));
        ws.sql("SELECT * FROM train WHERE island <> 'Dream'", "train_small");
        Pinned pinned = ws.dataset("train_small").pin("train");
        StoredVersion raw = ws.store().resolve(VersionRef.parse("raw@1"));
        assertEquals(List.of(raw.asParent()), pinned.version().parents());
        assertEquals(List.of("clean = dedup raw on species, island", "train, test = split clean 50/50 seed 3",
                "%%sql train_small\nSELECT * FROM train WHERE island <> 'Dream'"), pinned.version().operations());

        // What is made from a pinned dataset descends from that version.
        ws.dataset("train_small").dedup("deduped");
        StoredVersion child = ws.dataset("deduped").pin("child").version();
        assertEquals(List.of(pinned.version().asParent()), child.parents());
        VersionHistory history = ws.versions("child");
        assertEquals(List.of("train@1", "raw@1"), history.lineage().stream().map(StoredVersion::ref).toList());
        assertTrue(history.missingAncestors().isEmpty());
    }

    @Test
    void aDatasetRemadeBySqlAssayDidNotSeeLosesItsLineage() {
        ws.dataset("penguins").pin("raw");
        ws.loadPin("raw", "copy");
        ws.sql("DROP TABLE copy; CREATE TABLE copy AS SELECT 1 AS x", null);
        assertEquals(List.of(), ws.dataset("copy").pin("other").version().parents());
    }

    @Test
    void labelsThatAreNotOneFileNameAreRefused() throws IOException {
        for (String label : List.of("../x", "a/b", "", "..", "a b", "ä", "x".repeat(101), "a\\b")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ws.dataset("penguins").pin(label),
                    label);
            assertTrue(e.getMessage().contains("label"), e.getMessage());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "a refused label writes nothing, not even the store");
        }
        assertThrows(IllegalArgumentException.class, () -> VersionRef.parse("raw@0"));
        assertThrows(IllegalArgumentException.class, () -> VersionRef.parse("raw@x"));
        assertEquals(new VersionRef("my.data-set_2", 12), VersionRef.parse("my.data-set_2@12"));
    }

    @Test
    void aStoreThatCannotBeWrittenIsAClearError() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        ws.useStore(file.resolve("store").toString());
        StoreException e = assertThrows(StoreException.class, () -> ws.dataset("penguins").pin("p"));
        assertTrue(e.getMessage().startsWith("cannot write the version store at " + file.resolve("store")), e.getMessage());
        assertTrue(e.getMessage().contains("ASSAY_STORE"), e.getMessage());
        assertEquals("x", Files.readString(file), "nothing written");
    }

    @Test
    void aReadOnlyStoreIsAClearErrorAndStaysAsItWas() throws IOException {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "root writes through file permissions");
        ws.dataset("penguins").pin("penguins");
        List<Path> before = snapshots();
        store.resolve("tmp").toFile().setWritable(false);
        try {
            ws.sql("SELECT * FROM penguins LIMIT 3", "few");
            StoreException e = assertThrows(StoreException.class, () -> ws.dataset("few").pin("penguins"));
            assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
        } finally {
            store.resolve("tmp").toFile().setWritable(true);
        }
        assertEquals(before, snapshots());
        assertEquals(1, ws.versions("penguins").versions().size());
    }

    @Test
    void theStoreIsAssayStoreElseDotAssayInTheWorkingDirectory() {
        Path base = dir.resolve("notebooks");
        assertEquals(base.resolve(".assay").toAbsolutePath(), VersionStore.locate(Map.of(), base).root());
        assertEquals(base.resolve("shared/versions").toAbsolutePath(),
                VersionStore.locate(Map.of("ASSAY_STORE", "shared/versions"), base).root());
        assertEquals(Path.of("/srv/store"), VersionStore.locate(Map.of("ASSAY_STORE", "/srv/store"), base).root());
    }

    @Test
    void unknownLabelsAndVersionsNameWhatExists() {
        ws.dataset("penguins").pin("penguins");
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class, () -> ws.loadPin("pengiuns", "p"));
        assertTrue(label.getMessage().contains("no pinned versions of 'pengiuns'") && label.getMessage().contains("did you mean 'penguins'"),
                label.getMessage());
        IllegalArgumentException version = assertThrows(IllegalArgumentException.class, () -> ws.loadPin("penguins@3", "p"));
        assertEquals("'penguins' has no version 3: it has version 1 only", version.getMessage());
    }

    @Test
    void aSnapshotChangedOnDiskIsRefusedAndTheTargetKeepsItsRows() throws IOException {
        Pinned pinned = ws.dataset("penguins").pin("penguins");
        Path snapshot = ws.store().snapshotFile(pinned.version().fingerprint());
        ws.sql("SELECT 1 AS keep", "target");

        // A valid Parquet file with one value changed: the bytes differ, so the content is fingerprinted.
        Path edited = dir.resolve("edited.parquet");
        ws.sql("COPY (SELECT * REPLACE (CASE WHEN row_number() OVER () = 1 THEN bill_length_mm + 1 ELSE bill_length_mm END "
                + "AS bill_length_mm) FROM read_parquet('" + snapshot + "')) TO '" + edited + "' (FORMAT parquet)", null);
        Files.copy(edited, snapshot, StandardCopyOption.REPLACE_EXISTING);
        StoreException changed = assertThrows(StoreException.class, () -> ws.loadPin("penguins@1", "target"));
        assertTrue(changed.getMessage().contains("expected " + pinned.version().fingerprint() + ", found sha256:"), changed.getMessage());
        assertEquals(List.of(List.of(1)), ws.engine().smallResult("SELECT * FROM target"), "the target is untouched");

        Files.write(snapshot, Arrays.copyOf(Files.readAllBytes(snapshot), (int) Files.size(snapshot) / 2));
        StoreException truncated = assertThrows(StoreException.class, () -> ws.loadPin("penguins", "target"));
        assertTrue(truncated.getMessage().contains("expected " + pinned.version().fingerprint() + ", the file cannot be read"),
                truncated.getMessage());

        Files.delete(snapshot);
        StoreException missing = assertThrows(StoreException.class, () -> ws.loadPin("penguins", "target"));
        assertTrue(missing.getMessage().startsWith("the snapshot of penguins@1 is missing"), missing.getMessage());
        assertEquals(List.of(List.of(1)), ws.engine().smallResult("SELECT * FROM target"));
    }

    @Test
    void rewrittenBytesWithTheSameContentStillLoad() throws IOException {
        Pinned pinned = ws.dataset("penguins").pin("penguins");
        Path snapshot = ws.store().snapshotFile(pinned.version().fingerprint());
        Path rewritten = dir.resolve("rewritten.parquet");
        ws.sql("COPY (SELECT * FROM read_parquet('" + snapshot + "') ORDER BY random()) TO '" + rewritten
                + "' (FORMAT parquet, COMPRESSION snappy)", null);
        Files.copy(rewritten, snapshot, StandardCopyOption.REPLACE_EXISTING);
        assertEquals(pinned.version(), ws.loadPin("penguins", "back").version());
        assertEquals(pinned.version().fingerprint(), new Fingerprinter(ws.engine()).of("back").fingerprint());
    }

    /** Every type survives the Parquet round trip: a loaded pin has the pinned schema and fingerprint. */
    @Test
    void everyTypeRoundTripsThroughASnapshot() {
        ws.sql("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')", null);
        ws.sql("SELECT * FROM (VALUES (1::TINYINT, 2::SMALLINT, 3::INTEGER, 4::BIGINT, 5::HUGEINT, 6::UTINYINT, 7::USMALLINT, "
                + "8::UINTEGER, 9::UBIGINT, 1.25::DECIMAL(9,2), 123456789012.123456::DECIMAL(38,6), 0.1::FLOAT, 'nan'::DOUBLE, "
                + "DATE '1969-12-31', TIMESTAMP '2020-01-01 10:00:00.123456', TIMESTAMP_S '2020-01-01 10:00:01', "
                + "TIMESTAMP_MS '2020-01-01 10:00:00.5', TIMESTAMP_NS '2020-01-01 10:00:00.123456789', "
                + "TIMESTAMPTZ '2020-01-01 10:00:00+02', TIME '12:34:56.789', INTERVAL 3 DAY, "
                + "'5f2b8c1e-0000-4000-8000-000000000001'::UUID, '\\xAA\\x00'::BLOB, 'happy'::mood, [1, NULL, 3], "
                + "{'a': 1, 'b': 'x'}, MAP {'k': 2.5}, true, 'naïve ✓'), "
                + "(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'inf'::FLOAT, -0.0::DOUBLE, "
                + "'infinity'::DATE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, [], NULL, NULL, NULL, '')) "
                + "t(ti, si, i, bi, hi, uti, usi, ui, ubi, d, big, f, dbl, dt, ts, tss, tsms, tsns, tstz, tm, iv, u, bl, e, l, st, m, b, s)",
                "types");
        Pinned pinned = ws.dataset("types").pin("types");
        var loaded = ws.loadPin("types@1", "types_back");
        assertEquals(ws.dataset("types").schema(), ws.dataset("types_back").schema());
        assertEquals(pinned.version().fingerprint(), new Fingerprinter(ws.engine()).of("types_back").fingerprint());
        assertEquals(pinned.version(), loaded.version());
    }

    @Test
    void gcRemovesOnlyWhatNoVersionNeeds() throws IOException {
        Pinned kept = ws.dataset("penguins").pin("penguins");
        Path orphan = store.resolve("snapshots").resolve("0".repeat(64) + ".parquet");
        Files.writeString(orphan, "left by a pin killed between its two renames");
        Path unfinished = Files.writeString(store.resolve("tmp").resolve("half.parquet"), "partial");
        GcReport report = ws.store().gc();
        assertEquals(List.of(orphan.getFileName().toString()), report.removed());
        assertEquals(1, report.kept());
        assertFalse(Files.exists(orphan));
        assertFalse(Files.exists(unfinished), "tmp/ is cleared");
        assertTrue(Files.exists(ws.store().snapshotFile(kept.version().fingerprint())));
        assertEquals(kept.version(), ws.loadPin("penguins", "p").version());
    }

    @Test
    void aDamagedLabelFileStopsGcBeforeItRemovesAnything() throws IOException {
        ws.dataset("penguins").pin("penguins");
        Path orphan = Files.writeString(store.resolve("snapshots").resolve("1".repeat(64) + ".parquet"), "orphan");
        Files.writeString(store.resolve("labels").resolve("broken.json"), "{ not json");
        StoreException e = assertThrows(StoreException.class, () -> ws.store().gc());
        assertTrue(e.getMessage().startsWith("gc stopped, nothing removed: the versions of 'broken' cannot be read"),
                e.getMessage());
        assertTrue(Files.exists(orphan));
        assertEquals(1, ws.versions("penguins").versions().size(), "other labels still read");
    }

    @Test
    void aLabelFileWithVersionsOutOfOrderIsRefusedNotMisread() throws IOException {
        ws.dataset("penguins").pin("penguins");
        ws.sql("SELECT * FROM penguins LIMIT 5", "few");
        ws.dataset("few").pin("penguins");
        Path file = store.resolve("labels").resolve("penguins.json");
        Files.writeString(file, Files.readString(file).replace("\"version\" : 2", "\"version\" : 7")
                .replace("\"version\":2", "\"version\":7"));
        StoreException e = assertThrows(StoreException.class, () -> ws.loadPin("penguins@2", "p"));
        assertTrue(e.getMessage().contains("damaged") && e.getMessage().contains("entry 2 is version 7"), e.getMessage());
    }

    @Test
    void theSameContentUnderTwoLabelsSharesOneSnapshot() {
        Pinned a = ws.dataset("penguins").pin("a");
        Pinned b = ws.dataset("penguins").pin("b");
        assertEquals(a.version().fingerprint(), b.version().fingerprint());
        assertEquals(a.version().snapshotSha256(), b.version().snapshotSha256());
        assertEquals(1, snapshots().size());
    }

    private List<Path> snapshots() {
        try (Stream<Path> files = Files.list(store.resolve("snapshots"))) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
