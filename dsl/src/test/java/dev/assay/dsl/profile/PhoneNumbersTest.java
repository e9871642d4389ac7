package dev.assay.dsl.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.SharedData;
import dev.assay.dsl.check.CheckFailedException;
import dev.assay.dsl.check.CheckResult;
import dev.assay.dsl.engine.Column;
import dev.assay.dsl.lang.Interpreter;
import dev.assay.dsl.lang.Parser;
import dev.assay.dsl.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Phone numbers of every region in profiles and in {@code pii(...)} rules (issue 20, item 2). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneNumbersTest {

    private Workspace ws;

    @BeforeAll
    void open() {
        ws = Workspace.embedded();
        ws.load(SharedData.file("sms_spam.tsv").toString(), "sms", Map.of("delimiter", "\t", "quote", "", "header", true));
    }

    @AfterAll
    void close() {
        ws.close();
    }

    private long phones(Profile p, String column) {
        return p.columns().stream().filter(c -> c.name().equals(column)).findFirst().orElseThrow().pii().get("phone");
    }

    private Object run(String statement) {
        return new Interpreter(ws).run(Parser.parse(statement).get(0));
    }

    @Test
    void ukNumbersInTheSmsSpamDataAreFound() {
        // An independent count: messages holding a bare 11-digit UK number (0 and ten digits, like 09061701461).
        long ukLike = ((Number) ws.engine().smallResult("SELECT count(*) FROM sms WHERE regexp_matches(\"SMS\", "
                + "'(^|[^0-9])0[1-9][0-9]{9}($|[^0-9])')").get(0).get(0)).longValue();
        long found = phones(ws.dataset("sms").profile(), "SMS");
        assertTrue(ukLike >= 350, "the data should hold about 360 such messages, the regex found " + ukLike);
        assertTrue(found >= ukLike * 0.97, found + " messages with phone numbers found, " + ukLike + " hold UK numbers");
        assertTrue(found <= ukLike * 1.2, found + " messages with phone numbers found, " + ukLike + " hold UK numbers");
    }

    @Test
    void theSqlPreFilterDropsNoValueTheLibraryWouldCount() {
        PhoneFinder finder = new PhoneFinder(PhoneRegions.defaults());
        long everyValue = 0;
        try (ArrowReader reader = ws.dataset("sms").arrowBatches(1000)) {
            while (reader.loadNextBatch()) {
                VarCharVector sms = (VarCharVector) reader.getVectorSchemaRoot().getVector("SMS");
                for (int r = 0; r < sms.getValueCount(); r++) {
                    if (!sms.isNull(r) && finder.holdsPhone(new String(sms.get(r), StandardCharsets.UTF_8))) {
                        everyValue++;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(everyValue, phones(ws.dataset("sms").profile(), "SMS"));
    }

    @Test
    void aPiiRuleFailsOnDataFullOfPhoneNumbers() {
        CheckFailedException failed = assertThrows(CheckFailedException.class, () -> run("check sms: pii(SMS) < 1%"));
        CheckResult result = failed.result();
        double share = result.rules().get(0).value();
        long found = phones(ws.dataset("sms").profile(), "SMS");
        // The rule counts rows with personal data of any kind: at least those with phone numbers.
        assertTrue(share >= 100.0 * found / ws.dataset("sms").count(), share + "% of rows");
    }

    @Test
    void aRowCountsOnceWhateverItHolds() {
        ws.query("""
                SELECT * FROM (VALUES
                  ('mail ann@example.org', 'call 020 7946 0018'),
                  ('no data here', 'ring 07911 123456 or +44 20 7946 0018'),
                  ('+49 30 901820', '+33 1 42 68 53 00'),
                  ('order 4521879 of 2023-01-15', NULL),
                  (NULL, 'nothing')
                ) t(a, b)""", "mixed");
        assertEquals(3, PiiCount.rowsWithPii(ws.engine(), "mixed", ws.dataset("mixed").schema()));
        Profile p = ws.dataset("mixed").profile();
        assertEquals(1, phones(p, "a"));
        assertEquals(3, phones(p, "b"));
    }

    @Test
    void nationalFormatsAreReadForTheRegionsAskedAndInternationalOnesAlways() {
        ws.query("SELECT * FROM (VALUES ('Ruf an: 030 901820'), ('+49 30 901820'), ('Tel 080-1234-5678')) t(note)", "de");
        assertEquals(2, phones(ws.dataset("de").profile(List.of(), PhoneRegions.parse("DE")), "note"));
        assertEquals(1, phones(ws.dataset("de").profile(List.of(), PhoneRegions.parse("GB")), "note"));
        assertEquals(1, phones(ws.dataset("de").profile(List.of(), PhoneRegions.parse("")), "note"));
        assertEquals(2, phones(ws.dataset("de").profile(List.of(), PhoneRegions.parse("jp, gb")), "note"));
        Profile viaLanguage = (Profile) run("profile de on note with (phone_regions='DE,JP')");
        assertEquals(3, phones(viaLanguage, "note"));
    }

    @Test
    void shortCodesAndDottedLookAlikesAreNoPhoneNumbers() {
        PhoneFinder finder = new PhoneFinder(PhoneRegions.defaults());
        for (String text : List.of("text WIN to 87121", "1405, 1680, 1843", "pi is 3.14159265", "from 14.06.1976",
                "host 192.168.100.200")) {
            assertFalse(finder.holdsPhone(text), text);
        }
        assertTrue(finder.holdsPhone("call 09061701461 now"));
    }

    @Test
    void unknownRegionsAreRefusedWithTheClosestCode() {
        assertEquals("'UK' is not a region code: the United Kingdom is 'GB'",
                assertThrows(IllegalArgumentException.class, () -> PhoneRegions.parse("US,UK")).getMessage());
        String message = assertThrows(IllegalArgumentException.class, () -> PhoneRegions.parse("GB,Germany")).getMessage();
        assertTrue(message.startsWith("'Germany' is not a region code libphonenumber knows"), message);
        assertThrows(IllegalArgumentException.class, () -> PhoneRegions.parse("GB,,US"));
        assertEquals(List.of("GB", "US"), PhoneRegions.parse(" gb , US,GB").codes());
    }

    /** A table of 1,100 text columns goes through the phone scans (issue 20 asks every change tried on a wide table). */
    @Test
    void aThousandTextColumnsAreScannedForPhoneNumbers() {
        int width = 1_100;
        StringBuilder select = new StringBuilder("SELECT ");
        for (int c = 0; c < width; c++) {
            String value = c == width - 1 ? "CASE WHEN i = 1 THEN 'call 07700 900123 now' ELSE 'no number' END" : "'x' || i";
            select.append(c == 0 ? "" : ", ").append(value).append(" AS t").append(c);
        }
        ws.query(select + " FROM range(3) r(i)", "wide_text");
        List<Column> columns = ws.engine().schema("wide_text");
        long[] values = new PhoneScan(ws.engine(), PhoneRegions.defaults()).countValues("wide_text", columns);
        assertEquals(1, PiiCount.rowsWithPii(ws.engine(), "wide_text", columns));
        assertEquals(1, values[width - 1]);
        assertEquals(0, Arrays.stream(values).limit(width - 1).sum());
    }
}
