package dev.assay.dsl.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.SharedData;
import dev.assay.dsl.workspace.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * load on real files: the shared datasets (row and column counts from their README, not
 * from this code), every format, globs, and each kind of bad input with its message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadTest {

    static final Path DATA = SharedData.dir();

    @TempDir
    Path dir;

    private Workspace ws;

    @BeforeAll
    void open() {
        ws = Workspace.embedded();
    }

    @AfterAll
    void close() {
        ws.close();
    }

    private Loaded load(String path, String name, Map<String, Object> options) {
        return ws.load(path, name, options);
    }

    private String failure(String path, Map<String, Object> options) {
        return assertThrows(LoadException.class, () -> load(path, "bad", options)).getMessage();
    }

    private Path write(String name, byte[] content) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    private Path write(String name, String content) throws Exception {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theSharedDatasetsLoadWithTheirDocumentedShapes() {
        record Shape(String file, long rows, int columns) {
        }
        for (Shape s : List.of(new Shape("taxis.csv", 6_433, 14), new Shape("diamonds.csv", 53_940, 10),
                new Shape("titanic.csv", 891, 15), new Shape("penguins.csv", 344, 7), new Shape("iris.csv", 150, 5))) {
            Loaded loaded = load(DATA.resolve(s.file()).toString(), s.file().replace(".csv", ""), Map.of());
            assertEquals(s.rows(), loaded.rows(), s.file());
            assertEquals(s.columns(), loaded.dataset().schema().size(), s.file());
            assertEquals(FileFormat.CSV, loaded.format());
        }
    }

    @Test
    void tsvWithQuotingOffReadsTheSmsCollection() {
        Loaded sms = load(DATA.resolve("sms_spam.tsv").toString(), "sms", Map.of("quote", ""));
        assertEquals(5_574, sms.rows());
        assertEquals(FileFormat.TSV, sms.format());
        var counts = ws.sql("SELECT \"Label\", count(*) FROM sms GROUP BY 1 ORDER BY 1", null).orElseThrow().rows();
        assertEquals(List.of(List.of("ham", 4_827L), List.of("spam", 747L)), counts);
    }

    @Test
    void parquetJsonAndNdjsonLoad() throws Exception {
        load(DATA.resolve("iris.csv").toString(), "iris_src", Map.of());
        Path parquet = dir.resolve("iris.parquet");
        ws.sql("COPY iris_src TO " + ws.engine().quoteLiteral(parquet.toString()) + " (FORMAT parquet)", null);
        assertEquals(150, load(parquet.toString(), "iris_pq", Map.of()).rows());
        Path json = write("rows.json", "[{\"a\": 1, \"b\": \"x\"}, {\"a\": 2, \"b\": null}]");
        assertEquals(2, load(json.toString(), "rows_json", Map.of()).rows());
        Path ndjson = write("rows.ndjson", "{\"a\": 1}\n{\"a\": 2}\n{\"a\": 3}\n");
        assertEquals(3, load(ndjson.toString(), "rows_nd", Map.of()).rows());
        Path noExtension = write("rows.data", "a,b\n1,2\n");
        assertEquals(1, load(noExtension.toString(), "rows_fmt", Map.of("format", "csv")).rows());
    }

    @Test
    void globsLoadEveryMatchingFile() throws Exception {
        write("part-1.csv", "id,v\n1,a\n2,b\n");
        write("part-2.csv", "id,v\n3,c\n");
        assertEquals(3, load(dir.resolve("part-*.csv").toString(), "parts", Map.of()).rows());
        assertTrue(failure(dir.resolve("nothing-*.csv").toString(), Map.of()).startsWith("no file matches"));
    }

    @Test
    void relativePathsResolveAgainstTheWorkingDirectoryAndNamesComeFromFiles() {
        Path cwd = Path.of("").toAbsolutePath();
        String relative = cwd.relativize(DATA.resolve("iris.csv")).toString();
        assertEquals("iris", ws.load(relative).name());
    }

    @Test
    void aPathThatLooksLikeSqlIsJustAPath() throws Exception {
        Path odd = write("x'); DROP TABLE iris_src; --.csv", "a\n1\n");
        load(DATA.resolve("iris.csv").toString(), "iris_src", Map.of());
        assertEquals(1, load(odd.toString(), "odd", Map.of()).rows());
        assertEquals(150, ws.dataset("iris_src").count(), "nothing dropped");
    }

    @Test
    void missingFilesDirectoriesAndEmptyFilesSayWhat() throws Exception {
        write("reviews.csv", "a\n1\n");
        String missing = failure(dir.resolve("reveiws.csv").toString(), Map.of());
        assertTrue(missing.startsWith("no file '"), missing);
        assertTrue(missing.endsWith("did you mean 'reviews.csv'?"), missing);
        assertTrue(failure(dir.toString() + "/", Map.of("format", "parquet")).contains("is a directory"));
        Path empty = write("empty.csv", new byte[0]);
        assertEquals("cannot load '" + empty + "': the file is empty", failure(empty.toString(), Map.of()));
    }

    @Test
    void aRaggedRowIsReportedWithItsLine() throws Exception {
        StringBuilder csv = new StringBuilder("a,b\n");
        for (int i = 0; i < 50; i++) {
            csv.append(i).append(",x\n");
        }
        csv.append("50,x,extra\n");
        Path ragged = write("ragged.csv", csv.toString());
        String message = failure(ragged.toString(), Map.of());
        assertTrue(message.contains("line 52 has 3 fields where the first line has 2: '50,x,extra'"), message);
        assertTrue(message.contains("ignore_errors=true"), message);
        Loaded skipped = load(ragged.toString(), "ragged", Map.of("ignore_errors", true));
        assertEquals(50, skipped.rows());
        assertEquals(1, skipped.rejectedRows());
        assertTrue(ws.datasets().stream().noneMatch(n -> n.startsWith("_assay_load")), "no leftovers");
    }

    @Test
    void anUndecodableByteAsksForTheEncoding() throws Exception {
        Path latin1 = write("latin1.csv", "name,city\nJos\u00e9,S\u00e3o Paulo\n".getBytes(StandardCharsets.ISO_8859_1));
        String message = failure(latin1.toString(), Map.of());
        assertTrue(message.contains("is not valid UTF-8") && message.contains("encoding='latin-1'"), message);
        var row = ws.dataset(load(latin1.toString(), "latin", Map.of("encoding", "latin-1")).dataset().name())
                .show(1).rows().get(0);
        assertEquals(List.of("Jos\u00e9", "S\u00e3o Paulo"), row);
    }

    @Test
    void optionsAreCheckedByNameAndType() throws Exception {
        Path csv = write("ok.csv", "a;b\n1;2\n");
        assertTrue(failure(csv.toString(), Map.of("delimeter", ";")).startsWith(
                "unknown option 'delimeter' for csv; did you mean 'delimiter'?"));
        assertEquals("option header must be true or false, got 'yes'", failure(csv.toString(), Map.of("header", "yes")));
        assertEquals("option delimiter must be a single character, got ';;'", failure(csv.toString(), Map.of("delimiter", ";;")));
        assertEquals("option skip must be a whole number of 0 or more, got -1", failure(csv.toString(), Map.of("skip", -1)));
        assertTrue(failure(csv.toString(), Map.of("encoding", "latin1")).startsWith("unknown encoding 'latin1'; did you mean 'latin-1'?"));
        assertTrue(failure(csv.toString(), Map.of("format", "parquett")).startsWith("unknown format 'parquett'; did you mean 'parquet'?"));
        assertTrue(failure(write("x.xlsx", "").toString(), Map.of()).startsWith("cannot tell the format"));
        assertEquals(1, load(csv.toString(), "semi", Map.of("delimiter", ";")).rows());
    }

    /** Issue 20: a file whose bytes contradict its encoding option is refused, not loaded as one garbled column. */
    @Test
    void anEncodingTheBytesContradictIsRefused() throws Exception {
        Path utf8 = write("utf8.csv", "name,city\nJos\u00e9,S\u00e3o Paulo\n");
        String message = failure(utf8.toString(), Map.of("encoding", "utf-16"));
        assertTrue(message.contains("as UTF-16") && message.contains("no byte-order mark and no zero bytes"), message);
        Path utf16 = write("utf16.csv", "\ufeffname,city\nJos\u00e9,S\u00e3o Paulo\n".getBytes(StandardCharsets.UTF_16LE));
        assertTrue(failure(utf16.toString(), Map.of()).contains("starts with a UTF-16 byte-order mark; load it with (encoding='utf-16')"));
        Loaded read = load(utf16.toString(), "utf16", Map.of("encoding", "utf-16"));
        assertEquals(1, read.rows());
        assertEquals(List.of("name", "city"), read.dataset().schema().stream().map(c -> c.name()).toList());
    }

    @Test
    void devicesAndPipesAreNotRegularFiles() throws Exception {
        assertTrue(failure("/dev/zero", Map.of("format", "csv")).contains("it is not a regular file"));
        Path fifo = dir.resolve("pipe.csv");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
            assertTrue(failure(fifo.toString(), Map.of()).contains("it is not a regular file"));
        }
    }

    /** NUL, line ends and a delimiter that is also the quote are refused before the engine sees them. */
    @Test
    void csvCharactersAreCheckedUpFront() throws Exception {
        Path csv = write("plain.csv", "a,b\n1,2\n");
        for (String option : List.of("delimiter", "quote", "escape")) {
            for (String c : List.of("\u0000", "\n", "\r")) {
                String message = failure(csv.toString(), Map.of(option, c));
                assertTrue(message.startsWith("option " + option + " cannot be the control character U+00"), message);
            }
        }
        assertTrue(failure(csv.toString(), Map.of("delimiter", "'", "quote", "'")).contains("delimiter and quote are both"));
        assertEquals(1, load(csv.toString(), "tabbed", Map.of("delimiter", "\t")).dataset().schema().size(), "a tab is fine");
    }

    /** A line over DuckDB's limit is named by its number and size, never quoted whole; max_line_size raises the limit. */
    @Test
    void aLongLineIsNamedShortAndTheLimitCanBeRaised() throws Exception {
        Path wide = write("wide.csv", "a,b\n1," + "x".repeat(3_000_000) + "\n2,y\n");
        String message = failure(wide.toString(), Map.of());
        assertTrue(message.length() < 500, message.length() + " characters");
        assertTrue(message.contains("line 2 is 3,000,003 bytes long, more than the limit of"), message);
        assertTrue(message.endsWith("raise the limit with (max_line_size=3000004)"), message);
        assertEquals(2, load(wide.toString(), "wide", Map.of("max_line_size", 3_000_004L)).rows());
    }

    /** Issue 20 item 10: a header that one delimiter leaves whole but another splits into many is worth a warning. */
    @Test
    void aDelimiterThatSplitsNothingIsWarnedAbout() throws Exception {
        Path commas = write("commas.csv", "a,b,c,d\n1,2,3,4\n");
        Loaded wrong = load(commas.toString(), "wrong", Map.of("delimiter", ";"));
        assertEquals(1, wrong.dataset().schema().size());
        assertEquals(List.of("the first line is one column with delimiter ';' but 4 columns with ',': if that is the "
                + "delimiter, load with (delimiter=',')"), wrong.warnings());
        Path semicolons = write("semicolons.csv", "a;b;c\n1;2;3\n");
        assertTrue(load(semicolons.toString(), "semi", Map.of()).warnings().get(0).contains("3 columns with ';'"));
        assertEquals(List.of(), load(commas.toString(), "right", Map.of()).warnings());
        Path single = write("single.csv", "text\nhello world\n");
        assertEquals(List.of(), load(single.toString(), "single", Map.of()).warnings(), "one column for real");
    }
}
