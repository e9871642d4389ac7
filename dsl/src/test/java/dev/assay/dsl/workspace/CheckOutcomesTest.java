package dev.assay.dsl.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.SharedData;
import dev.assay.dsl.check.CheckFailedException;
import dev.assay.dsl.check.CheckResult;
import dev.assay.dsl.check.Measure;
import dev.assay.dsl.check.RuleException;
import dev.assay.dsl.store.Fingerprint;
import dev.assay.dsl.store.Pinned;
import dev.assay.dsl.store.StoreException;
import dev.assay.dsl.store.StoredCheck;
import dev.assay.dsl.store.VersionRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A check of a dataset that is, or becomes, a pinned version records its outcome with that content. */
class CheckOutcomesTest {

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
    void aLoadedPinCheckedIsRecordedWithItsVersion() {
        Fingerprint fp = ws.dataset("penguins").pin("penguins").version().fingerprint();
        ws.loadPin("penguins", "p");
        assertNull(ws.store().checkPassed(fp), "not checked yet");
        ws.dataset("p").check(Measure.rows().greaterThan(100), Measure.missing("sex").atMost(20));
        List<StoredCheck> checks = ws.store().checks(fp);
        assertEquals(1, checks.size());
        assertTrue(checks.get(0).passed());
        assertEquals("p", checks.get(0).dataset());
        assertEquals(List.of("rows > 100", "missing(sex) <= 20"), checks.get(0).rules());
        assertEquals(List.of(), checks.get(0).failed());
        assertEquals(Boolean.TRUE, ws.store().checkPassed(fp));
    }

    @Test
    void aFailedCheckIsRecordedAsFailedAndStillFails() {
        Fingerprint fp = ws.dataset("penguins").pin("penguins").version().fingerprint();
        ws.loadPin("penguins", "p");
        CheckFailedException failed = assertThrows(CheckFailedException.class,
                () -> ws.dataset("p").check(Measure.rows().greaterThan(100), Measure.missing("sex").equalTo(0)));
        assertFalse(failed.result().passed());
        StoredCheck recorded = ws.store().checks(fp).get(0);
        assertFalse(recorded.passed());
        assertEquals(List.of("missing(sex) = 0"), recorded.failed());
        assertEquals(Boolean.FALSE, ws.store().checkPassed(fp));
    }

    @Test
    void aPinnedDatasetCheckedAfterItsPinIsRecorded() {
        Fingerprint fp = ws.dataset("penguins").pin("penguins").version().fingerprint();
        ws.dataset("penguins").evaluate(Measure.rows().greaterThan(1000));
        assertEquals(Boolean.FALSE, ws.store().checkPassed(fp), "evaluate records too, failed or not");
    }

    @Test
    void aDatasetCheckedThenPinnedRecordsItsChecksWithTheNewVersion() {
        ws.dataset("penguins").evaluate(Measure.rows().greaterThan(1000));
        ws.dataset("penguins").check(Measure.rows().greaterThan(100));
        assertTrue(Files.notExists(ws.store().root().resolve("checks")) || isEmpty(ws.store().root().resolve("checks")),
                "nothing recorded before the pin");
        Pinned pinned = ws.dataset("penguins").pin("penguins");
        List<StoredCheck> checks = ws.store().checks(pinned.version().fingerprint());
        assertEquals(List.of(false, true), checks.stream().map(StoredCheck::passed).toList(), "both, in order");
        assertEquals(Boolean.TRUE, ws.store().checkPassed(pinned.version().fingerprint()), "the latest counts");
        ws.dataset("penguins").pin("again");
        assertEquals(2, ws.store().checks(pinned.version().fingerprint()).size(), "recorded once, not at every pin");
    }

    @Test
    void aDatasetReplacedBetweenCheckAndPinRecordsNothing() {
        ws.dataset("penguins").check(Measure.rows().greaterThan(100));
        ws.sql("SELECT * FROM penguins WHERE species <> 'Gentoo'", "penguins"); // a new relation under the same name
        Pinned pinned = ws.dataset("penguins").pin("penguins");
        assertEquals(List.of(), ws.store().checks(pinned.version().fingerprint()));
        assertNull(ws.store().checkPassed(pinned.version().fingerprint()));
    }

    @Test
    void aDatasetMadeFromAPinIsNotThatVersion() {
        Fingerprint fp = ws.dataset("penguins").pin("penguins").version().fingerprint();
        ws.loadPin("penguins", "p");
        ws.sql("SELECT * FROM p WHERE island <> 'Dream'", "q");
        ws.dataset("q").check(Measure.rows().greaterThan(0));
        assertNull(ws.store().checkPassed(fp));
    }

    @Test
    void theSameContentUnderTwoLabelsSharesTheRecord() {
        Fingerprint a = ws.dataset("penguins").pin("a").version().fingerprint();
        Fingerprint b = ws.dataset("penguins").pin("b").version().fingerprint();
        assertEquals(a, b);
        ws.loadPin("b", "p");
        ws.dataset("p").evaluate(Measure.rows().lessThan(10));
        assertEquals(Boolean.FALSE, ws.store().checkPassed(ws.store().resolve(VersionRef.parse("a")).fingerprint()));
    }

    @Test
    void aCheckThatCannotBeMeasuredRecordsNothing() {
        Fingerprint fp = ws.dataset("penguins").pin("penguins").version().fingerprint();
        ws.loadPin("penguins", "p");
        assertThrows(RuleException.class, () -> ws.dataset("p").check(Measure.missing("sexx").equalTo(0)));
        assertEquals(List.of(), ws.store().checks(fp));
    }

    @Test
    void aStoreThatCannotRecordKeepsTheVerdictAndSaysWhy() throws Exception {
        Fingerprint fp = ws.dataset("penguins").pin("penguins").version().fingerprint();
        ws.loadPin("penguins", "p");
        ws.dataset("p").evaluate(Measure.rows().greaterThan(100));
        Path checks = ws.store().checksFile(fp);
        byte[] bytes = Files.readAllBytes(checks);
        Files.write(checks, Arrays.copyOf(bytes, bytes.length / 2)); // damaged by hand
        PrintStream before = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CheckResult result;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            result = ws.dataset("p").evaluate(Measure.rows().greaterThan(100));
        } finally {
            System.setErr(before);
        }
        assertTrue(result.passed(), "the verdict stands");
        String warning = err.toString(StandardCharsets.UTF_8);
        assertTrue(warning.startsWith("assay: warning: the outcome of the check of p was not recorded with penguins@1"), warning);
        assertTrue(warning.contains(checks.toString()) && warning.contains("damaged"), warning);
        assertFalse(warning.contains("\tat "), "no stack trace");
        assertThrows(StoreException.class, () -> ws.store().checkPassed(fp), "the damaged record is not silently dropped");
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
