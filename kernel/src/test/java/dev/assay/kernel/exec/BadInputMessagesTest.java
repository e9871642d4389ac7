package dev.assay.kernel.exec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inputs of issue 20 (item 20) in a kernel session: each gives an error that says what
 * was wrong and where, never an internal error, and nothing the user sees is a Java stack trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputMessagesTest {

    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w.$/]+\\(");
    private static final Set<String> USER_ERRORS = Set.of("ParseError", "AssayError");

    @TempDir
    static Path dir;

    private TestSession session;
    private Path utf8;

    @BeforeAll
    void start() throws Exception {
        session = new TestSession();
        utf8 = dir.resolve("utf8.csv");
        Files.writeString(utf8, "name,city\nJosé,São Paulo\nAna,Porto\n", StandardCharsets.UTF_8);
    }

    @AfterAll
    void stop() {
        session.close();
    }

    /** The cell's error, checked to be a user's error without a stack trace; its text (evalue and traceback). */
    /** The cell's error (its lines count from the %%assay line: a statement's first line is line 2). */
    private String userError(String cell) {
        CellError error = session.error("%%assay\n" + cell);
        String all = error.evalue() + "\n" + String.join("\n", error.traceback());
        assertTrue(USER_ERRORS.contains(error.ename()), error.ename() + ": " + all);
        assertFalse(STACK_FRAME.matcher(all).find(), all);
        assertFalse(all.contains("Exception"), all);
        return error.evalue();
    }

    private static void contains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
        }
    }

    @Test
    void diffOfTwoEmptyDatasetsIsADiff() {
        session.run("%%sql empty_a\nSELECT 1 AS id, 'x' AS v WHERE false");
        session.run("%%sql empty_b\nSELECT 1 AS id, 'x' AS v WHERE false");
        RecordingSink sink = session.run("%%assay\ndiff empty_a empty_b on id");
        assertTrue(sink.events.stream().noneMatch(e -> e.kind().equals("error")), sink.events.toString());
    }

    @Test
    void numbersOutOfRangeOrMalformedAreRefusedWhereWritten() {
        String before = "x = load '" + utf8 + "' with (skip=";
        contains(userError(before + "99999999999999999999)"),
                "line 2, column " + (before.length() + 1), "99999999999999999999 is out of range");
        contains(userError("x = load '" + utf8 + "' with (skip=1.2.3)"), "'1.2.3' is not a number");
        session.run("%%assay\nt = load '" + utf8 + "'");
        contains(userError("show t limit 3000000000"), "3000000000 is out of range: it must be from 0 to 2147483647");
        contains(userError("a, b = split t 50/50 seed 99999999999999999999999"), "is out of range",
                "9223372036854775807");
        contains(userError("a, b = split t 33.33333333333333333333/66.66666666666666666667"), "decimal places");
    }

    @Test
    void aFileThatIsNotWhatItsOptionsSayIsRefusedWithTheReason() throws Exception {
        contains(userError("x = load '" + utf8 + "' with (encoding='utf-16')"), "not UTF-16");
        contains(userError("x = load '/dev/zero' with (format='csv')"), "not a regular file");
        Path fifo = dir.resolve("pipe.csv");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
            contains(userError("x = load '" + fifo + "'"), "not a regular file");
        }
        contains(userError("x = load '" + utf8 + "' with (delimiter='\u0000')"), "delimiter", "U+0000");
        assertFalse(userError("x = load '" + utf8 + "' with (delimiter='\u0000')").contains("read_csv"));
    }

    @Test
    void aVeryLongLineIsQuotedShortAndTheLimitCanBeRaised() throws Exception {
        Path wide = dir.resolve("wide.csv");
        Files.writeString(wide, "a,b\n1," + "x".repeat(5_000_000) + "\n2,y\n");
        String message = userError("w = load '" + wide + "'");
        assertTrue(message.length() < 1_000, () -> message.length() + " characters: " + message.substring(0, 300));
        contains(message, ": line 2 is 5,000,003 bytes long", "max_line_size=");
        String raise = message.replaceFirst("(?s).*\\(max_line_size=(\\d+)\\).*", "$1");
        RecordingSink loaded = session.run("%%assay\nw = load '" + wide + "' with (max_line_size=" + raise + ")");
        assertTrue(loaded.events.stream().noneMatch(e -> e.kind().equals("error")), loaded.events.toString());
    }

    @Test
    void aCharacterOutsideTheBmpIsShownWholeAtItsColumn() {
        String emoji = new String(Character.toChars(0x1F600));
        String message = userError("show " + emoji + "x");
        contains(message, "line 2, column 6", emoji);
        for (char c : message.toCharArray()) {
            if (Character.isSurrogate(c)) {
                int at = message.indexOf(c);
                assertTrue(Character.isSurrogatePair(message.charAt(at), message.charAt(at + 1))
                        || at > 0 && Character.isSurrogatePair(message.charAt(at - 1), c), "half a character in: " + message);
            }
        }
        CellError parameter = session.error("%%assay\nshow '" + emoji + "' $NO_SUCH_PARAMETER");
        contains(parameter.evalue(), "line 2, column 10");
        // columns count code points: the emoji before is one column, so the one after the number is at 28
        contains(userError("x = load '" + emoji + "' with (skip=1.2" + emoji + ")"), "line 2, column 28", "U+1F600");
    }
}
