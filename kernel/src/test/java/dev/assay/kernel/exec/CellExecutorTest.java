package dev.assay.kernel.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.SharedData;
import dev.assay.kernel.java.Completion;
import dev.assay.viz.MimeBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Java cells through the executor: values, errors mapped to cells, magics, displays. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CellExecutorTest {

    private TestSession session;
    private CellExecutor executor;

    @BeforeAll
    void start() {
        session = new TestSession();
        executor = session.executor;
    }

    @AfterAll
    void stop() {
        session.close();
    }

    private RecordingSink run(String code) {
        return session.run(code);
    }

    private CellError errorOf(String code) {
        return session.error(code);
    }

    private static CellError errorIn(RecordingSink sink) {
        return sink.events.stream().filter(e -> e.kind().equals("error")).map(RecordingSink.Event::error).findFirst()
                .orElseThrow(() -> new AssertionError("no error in " + sink.events));
    }

    @Test
    void cellWithDeclarationsMethodsClassesAndALastExpression() {
        RecordingSink sink = run("""
                record Point(int x, int y) { int sum() { return x + y; } }
                int twice(int v) {
                    return 2 * v;
                }
                var p = new Point(3, 4);
                System.out.println("sum " + p.sum());
                twice(p.sum())
                """);
        assertEquals("sum 7\n", sink.stdout());
        assertEquals("14", sink.result());
        assertEquals(List.of("stream", "result"), sink.kinds());
    }

    @Test
    void redefinitionsReplaceEarlierDeclarations() {
        run("int answer() { return 1; }\nString label = \"a\";");
        run("int answer() { return 42; }\nint label = 5;");
        assertEquals("47", run("answer() + label").result());
    }

    @Test
    void compileErrorNamesCellLineColumnAndShowsCaret() {
        CellError e = errorOf("int ok = 1;\n\nString s = ok + 1;\n");
        assertEquals("CompilationError", e.ename());
        assertTrue(e.evalue().matches("Cell In\\[\\d+], line 3, column 12: incompatible types.*"), e.evalue());
        assertTrue(e.traceback().contains("    String s = ok + 1;"), e.traceback().toString());
        assertTrue(e.traceback().contains("               ^"), e.traceback().toString());
    }

    @Test
    void runtimeErrorFramesPointAtCellLines() {
        RecordingSink define = run("""
                // helpers
                int divide(int a, int b) {
                    return a / b;
                }
                """);
        assertTrue(define.events.isEmpty(), define.events.toString());
        CellError e = errorOf("int x = 1;\nint y = divide(x, 0);");
        assertEquals("java.lang.ArithmeticException", e.ename());
        assertEquals("/ by zero", e.evalue());
        String trace = String.join("\n", e.traceback());
        assertTrue(trace.matches("(?s).*at divide \\(Cell In\\[\\d+], line 3\\).*"), trace);
        assertTrue(trace.matches("(?s).*at Cell In\\[\\d+], line 2.*"), trace);
        assertFalse(trace.contains("#"), "no raw snippet ids: " + trace);
        assertFalse(trace.contains("jdk.internal.reflect"), "no reflection plumbing: " + trace);
    }

    @Test
    void causesAreShown() {
        CellError e = errorOf("throw new RuntimeException(\"outer\", new IllegalArgumentException(\"inner\"));");
        String trace = String.join("\n", e.traceback());
        assertTrue(trace.contains("Caused by: \u001b[31mjava.lang.IllegalArgumentException\u001b[0m: inner"), trace);
    }

    @Test
    void errorStopsTheRestOfTheCell() {
        RecordingSink sink = run("System.out.println(\"before\");\nint z = 1 / 0;\nSystem.out.println(\"after\");");
        assertEquals("before\n", sink.stdout());
        assertEquals(List.of("stream", "error"), sink.kinds());
    }

    @Test
    void methodUsingAnUndeclaredNameIsNotedAndFailsClearlyWhenCalled() {
        RecordingSink sink = run("double area(double r) { return PI_VALUE * r * r; }");
        assertTrue(sink.events.get(0).text().contains("area is declared, but cannot be used until"),
                sink.events.toString());
        CellError e = errorOf("area(2)");
        assertTrue(e.evalue().contains("PI_VALUE"), e.evalue());
    }

    @Test
    void displayUpdateAndClearReachTheSinkInOrder() {
        RecordingSink sink = run("""
                System.out.println("first");
                var h = display("shown");
                h.update("updated");
                clearOutput(true);
                display(java.util.List.of(1, 2))
                """);
        assertEquals(List.of("stream", "display", "update", "clear", "display"), sink.kinds());
        assertEquals("\"shown\"", sink.events.get(1).bundle().plainText());
        assertEquals(sink.events.get(1).name(), sink.events.get(2).name(), "update targets the display id");
        assertEquals("[1, 2]", sink.events.get(4).bundle().plainText());
    }

    @Test
    void imagesRenderAsPng() {
        RecordingSink sink = run("new java.awt.image.BufferedImage(4, 3, java.awt.image.BufferedImage.TYPE_INT_RGB)");
        assertNotNull(sink.events.get(0).bundle().data().get("image/png"));
        assertEquals("<image 4x3>", sink.result());
    }

    @Test
    void outputOfABackgroundThreadArrivesBeforeTheCellEnds() {
        RecordingSink sink = run("""
                Thread t = new Thread(() -> System.out.println("from thread"));
                t.start();
                t.join();
                """);
        assertEquals("from thread\n", sink.stdout());
    }

    @Test
    void multiByteTextSurvivesTheStreams() {
        assertEquals("h\u00e9llo \u4e16\u754c \uD83D\uDE00\n", run("System.out.println(\"h\u00e9llo \u4e16\u754c \uD83D\uDE00\");").stdout());
    }

    @Test
    void executionCountsAdvanceOnlyWithStoreHistory() {
        int before = executor.executionCount();
        executor.execute(new ExecuteRequest("1", false, false, Map.of(), false, true), new RecordingSink());
        assertEquals(before, executor.executionCount());
        ExecuteOutcome outcome = executor.execute(ExecuteRequest.of("1"), new RecordingSink());
        assertEquals(before + 1, outcome.executionCount());
    }

    @Test
    void sqlDatasetsAreReachableFromJavaAndJavaDatasetsFromSql() {
        run("%%sql fruit\nSELECT * FROM (VALUES ('apple', 3), ('pear', 5)) AS t(name, n)");
        assertEquals("2", run("assay.dataset(\"fruit\").count()").result());
        run("var doubled = assay.query(\"SELECT name, n * 2 AS n2 FROM fruit\", \"doubled\");");
        RecordingSink shown = run("%%sql\nSELECT sum(n2) AS total FROM doubled");
        assertTrue(shown.result().contains("16"), shown.result());
        RecordingSink dataset = run("doubled");
        assertTrue(dataset.result().startsWith("name"), "a dataset renders as its table: " + dataset.result());
        CellError missing = errorOf("assay.dataset(\"fruits\")");
        assertEquals("java.lang.IllegalArgumentException", missing.ename());
        assertEquals("no dataset 'fruits'; did you mean 'fruit'?", missing.evalue());
    }

    @Test
    void javaLoadsFilesIntoDatasetsThatSqlSees() {
        String iris = SharedData.file("iris.csv").toString();
        RecordingSink loaded = run("assay.load(\"" + iris.replace("\\", "\\\\") + "\", \"flowers\", Map.of())");
        assertTrue(loaded.result().startsWith("Loaded 150 rows from "), loaded.result());
        RecordingSink species = run("%%sql\nSELECT count(DISTINCT species) AS n FROM flowers");
        assertTrue(species.result().contains("3"), species.result());
        CellError missing = errorOf("assay.load(\"no/such/file.csv\")");
        assertEquals("dev.assay.dsl.load.LoadException", missing.ename());
        assertTrue(missing.evalue().startsWith("no file 'no/such/file.csv'"), missing.evalue());
    }

    @Test
    void assayCellsLoadAndShowAndSayWhereTheyFail() {
        String iris = SharedData.file("iris.csv").toString();
        RecordingSink cell = run("%%assay\n# the classic\nplants = load '" + iris + "'\nshow plants limit 3");
        assertEquals(List.of("display", "result"), cell.kinds(), "each statement shows its result, the last as result");
        assertTrue(cell.events.get(0).bundle().plainText().startsWith("Loaded 150 rows"));
        assertTrue(cell.result().contains("first 3 of 150 rows"), cell.result());
        assertEquals("150", run("assay.dataset(\"plants\").count()").result(), "a language dataset is a Java dataset");

        CellError typo = errorOf("%%assay\nshow plants\nprofle plants");
        assertEquals("ParseError", typo.ename());
        assertTrue(typo.evalue().startsWith("Cell In[") && typo.evalue().contains("], line 3, column 1: unknown statement "
                + "'profle'; did you mean 'profile'?"), typo.evalue());
        assertEquals("    profle plants", typo.traceback().get(1));
        assertEquals("    ^", typo.traceback().get(2));

        CellError unknown = errorOf("%%assay\nshow plans");
        assertTrue(unknown.evalue().endsWith("line 2, column 1: no dataset 'plans'; did you mean 'plants'?"), unknown.evalue());
        CellError column = errorOf("%%assay\nprofile plants on speces");
        assertTrue(column.evalue().endsWith("line 2, column 1: no column 'speces' in plants; did you mean 'species'?"),
                column.evalue());
        CellError label = errorOf("%%assay\npin plants as '../plants'");
        assertTrue(label.evalue().endsWith("line 2, column 15: '../plants' is not a version label: '/' at character 3; "
                + "labels use letters, digits, '-', '_' and '.' (at most 100 characters)"), label.evalue());
        CellError wrongMethod = errorOf("%%assay\ndrift plants vs plants on species using ks");
        assertTrue(wrongMethod.evalue().endsWith("line 2, column 1: column 'species': ks compares numbers and this column "
                + "is categorical: use chi2, z, psi, js or hellinger"), wrongMethod.evalue());
        RecordingSink drift = run("%%assay\ndrift plants vs plants");
        assertTrue(drift.result().startsWith("Drift from plants (150 rows) to plants (150 rows): 0 of 5 columns drifted"),
                drift.result());
        assertEquals("0", run("assay.dataset(\"plants\").drift(assay.dataset(\"plants\"), DriftPlan.on(\"species\")"
                + ".using(\"chi2\")).column(\"species\").statistic().intValue()").result(), "DriftPlan is imported");

        // A split binds every part: Java sees them at once, and the result carries its JSON.
        RecordingSink split = run("%%assay\ntrain, test = split plants 80/20 stratify species seed 1");
        MimeBundle shown = split.events.get(split.events.size() - 1).bundle();
        assertEquals("split", ((Map<?, ?>) shown.data().get(MimeBundle.RESULT_JSON)).get("kind"));
        assertTrue(((String) shown.data().get(MimeBundle.TEXT_HTML)).contains("<table>"));
        assertEquals("150", run("assay.dataset(\"train\").count() + assay.dataset(\"test\").count()").result());
        assertEquals("1", run("assay.dataset(\"plants\").duplicates(Match.allColumns()).duplicateRows()").result(),
                "Match is imported in every session; iris has one repeated row");
        RecordingSink dups = run("%%assay\nduplicates plants");
        assertTrue(dups.result().startsWith("Duplicates in plants on "), dups.result());
    }

    @Test
    void aFailedCheckShowsEveryRuleThenFailsTheCellFromEitherFrontDoor() {
        String iris = SharedData.file("iris.csv").toString();
        run("%%assay\nflowers = load '" + iris + "'");

        RecordingSink passed = run("%%assay\ncheck flowers: rows = 150, duplicates < 1%");
        assertEquals(List.of("result"), passed.kinds());
        assertTrue(passed.result().startsWith("Check flowers passed: all 2 rules hold"), passed.result());

        RecordingSink failed = run("%%assay\nshow flowers limit 1\ncheck flowers: rows > 1000, duplicates = 0");
        assertEquals(List.of("display", "display", "error"), failed.kinds(), "the check's result comes before the error");
        MimeBundle shown = failed.events.get(1).bundle();
        Map<?, ?> json = (Map<?, ?>) shown.data().get(MimeBundle.RESULT_JSON);
        assertEquals(false, json.get("passed"));
        assertEquals(2, ((List<?>) json.get("rules")).size());
        CellError error = errorIn(failed);
        assertEquals("CheckFailed", error.ename());
        assertTrue(error.evalue().endsWith("line 3, column 1: check flowers failed 2 of 2 rules: rows > 1000 (measured 150); "
                + "duplicates = 0 (measured 1)"), error.evalue());

        CellError column = errorOf("%%assay\ncheck flowers: rows > 1,\n  mean(specie) > 1");
        assertTrue(column.evalue().endsWith("line 3, column 3: no column 'specie' in flowers; did you mean 'species'?"),
                column.evalue());

        RecordingSink java = run("assay.dataset(\"flowers\").check(Measure.missing(\"species\").equalTo(0), "
                + "Measure.mean(\"sepal_length\").greaterThan(6))");
        assertEquals(List.of("display", "error"), java.kinds());
        assertEquals("dev.assay.dsl.check.CheckFailedException", errorIn(java).ename());
        assertTrue(errorIn(java).evalue().startsWith("check flowers failed 1 of 2 rules: mean(sepal_length) > 6 (measured 5.84333)"),
                errorIn(java).evalue());
        assertEquals("true", run("assay.dataset(\"flowers\").evaluate(Measure.rows().equalTo(150)).passed()").result());
    }

    @Test
    void magics() {
        assertTrue(run("%lsmagic").stdout().contains("%%time"));
        RecordingSink timed = run("%%time\nint t = 2;\nt * 21");
        assertTrue(timed.stdout().startsWith("Wall time: "), timed.stdout());
        assertEquals(List.of("stream", "result"), timed.kinds(), "the time is printed before the result");
        assertEquals("42", timed.result());
        CellError unknown = errorOf("%%nosuch\nbody");
        assertEquals("UnknownMagic", unknown.ename());
        assertTrue(unknown.evalue().contains("%%nosuch") && unknown.evalue().contains("%lsmagic"), unknown.evalue());
    }

    @Test
    void dataCellsAreFoundAsTheyRunEvenAfterLeadingBlankLines() {
        // A cell that runs as %%assay must also complete as one.
        String code = "\n  %%assay\nprof";
        Completion c = executor.complete(code, code.length());
        assertEquals(List.of("profile"), c.matches());
        assertEquals(code.length() - 4, c.start());
    }

    @Test
    void completionOfMembersAndMagics() {
        Completion c = executor.complete("\"abc\".toUpp", 11);
        assertEquals(List.of("toUpperCase("), c.matches());
        assertEquals(6, c.start());
        Completion magic = executor.complete("%%ti", 4);
        assertEquals(List.of("%%time"), magic.matches());
        assertEquals(0, magic.start());
    }

    @Test
    void sqlCellsCompleteTablesAndTheirColumns() {
        run("%%sql completion_sales\nSELECT 1 AS amount, 2 AS \"unit price\"");
        String from = "%%sql\nSELECT * FROM completion_sa";
        Completion tables = executor.complete(from, from.length());
        assertEquals(List.of("completion_sales"), tables.matches());
        assertEquals(from.length() - "completion_sa".length(), tables.start());
        String select = "%%sql\nSELECT uni FROM completion_sales";
        int cursor = "%%sql\nSELECT uni".length();
        assertEquals(List.of("\"unit price\""), executor.complete(select, cursor).matches().subList(0, 1));
        assertTrue(executor.complete("%%sql\nsel", 9).matches().contains("select"));
    }

    @Test
    void inspectionOfBareMethodsAndVariables() {
        assertTrue(executor.inspect("Math.max", 8).orElseThrow().contains("long Math.max(long a, long b)"));
        run("int inspected = 41 + 1;");
        assertEquals("int inspected = 42", executor.inspect("inspected", 9).orElseThrow());
        assertTrue(executor.inspect("noSuchThing", 11).isEmpty());
    }

    @Test
    void completenessOfJavaAndMagics() {
        assertEquals("complete", executor.completeness("int a = 1;\nint b = 2;"));
        assertEquals("incomplete", executor.completeness("for (int i = 0; i < 3; i++) {"));
        assertEquals("incomplete", executor.completeness("int a = 1;\nString s = \"abc\" +"));
        assertEquals("invalid", executor.completeness("int x = ;"));
        // A cell magic's body is not Java's to judge: the cell ends at an empty line (MagicCellCompletenessTest).
        assertEquals("incomplete", executor.completeness("%%time\nfor (;;) {"));
        assertEquals("complete", executor.completeness("%%time\nfor (;;) {\n"));
    }

    @Test
    void historyKeepsInputsAndResults() {
        run("\"hist\" + \"ory\"");
        History.Entry last = executor.history().tail(1).get(0);
        assertEquals("\"hist\" + \"ory\"", last.input());
        assertEquals("\"history\"", last.output());
        assertNull(executor.history().search("no such cell*", 0, false).stream().findFirst().orElse(null));
    }

    @Test
    void aReportIsShownAndWrittenWhereTheStatementSays() throws Exception {
        String iris = SharedData.file("iris.csv").toString();
        Path page = Files.createTempDirectory("assay-report").resolve("out/iris.html");
        RecordingSink report = run("%%assay\nflowers = load '" + iris + "'\nreport flowers to '" + page + "'");

        assertTrue(report.result().startsWith("Quality report: flowers (written to " + page + ")\n"), report.result());
        assertTrue(Files.readString(page).contains("<title>Quality report: flowers</title>"));
        assertTrue(run("ReportPage.write(assay.dataset(\"flowers\").report(), java.nio.file.Path.of(\"" + page
                + "\")).getFileName()").result().contains("iris.html"), "Java writes the same page");

        CellError unwritable = errorOf("%%assay\nreport flowers to '/proc/flowers.html'");
        assertTrue(unwritable.evalue().contains("line 2, column 1: cannot write the report ("), unwritable.evalue());
    }

    /**
     * {@code report ... to} writes only a regular file, inside the working folder unless the path
     * is absolute, never into the store; the same with the path coming from a run's parameter.
     * The inline result says where the page went, in HTML as a link.
     */
    @Test
    void aReportIsWrittenOnlyWhereTheOutputRuleAllowsAlsoFromParameters() throws Exception {
        String iris = SharedData.file("iris.csv").toString();
        run("%%assay\nblooms = load '" + iris + "'");
        Path folder = Path.of("").toAbsolutePath().toRealPath(); // the session's working folder
        String unique = "report-rule-" + UUID.randomUUID();
        Path store = Path.of(run("assay.store().root()").result().replace("\"", ""));
        try {
            executor.setParameters(Map.of("OUT", "target/" + unique + "/blooms.html",
                    "UP", "../../" + unique + ".html", "DEV", "/dev/full", "STORE", store.resolve("labels/L.json").toString()));
            RecordingSink written = run("%%assay\nreport blooms to '$OUT'");
            Path page = folder.resolve("target/" + unique + "/blooms.html");
            assertTrue(Files.readString(page).contains("<title>Quality report: blooms</title>"));
            MimeBundle shown = written.events.stream().filter(e -> e.kind().equals("result")).findFirst()
                    .orElseThrow(() -> new AssertionError("no result: " + written.kinds())).bundle();
            String html = (String) shown.data().get(MimeBundle.TEXT_HTML);
            assertTrue(html.startsWith("<p class=\"assay-written\">Written to <a href=\"target/" + unique + "/blooms.html\""
                    + " target=\"_blank\" rel=\"noopener\"><code>" + page + "</code></a></p>"), html.substring(0, 300));
            assertTrue(shown.plainText().contains(page.toString()), shown.plainText());

            CellError up = errorOf("%%assay\nreport blooms to '$UP'");
            assertTrue(up.evalue().contains("line 2, column 1: '../../" + unique + ".html' leads out of the working folder"),
                    up.evalue());
            assertFalse(Files.exists(folder.resolve("../../" + unique + ".html").normalize()));
            CellError device = errorOf("%%assay\nreport blooms to '$DEV'");
            assertTrue(device.evalue().contains("'/dev/full' is a character device, not a regular file"), device.evalue());
            assertFalse(Files.isRegularFile(Path.of("/dev/full")), "/dev/full is still a device");
            CellError label = errorOf("%%assay\nreport blooms to '$STORE'");
            assertTrue(label.evalue().contains("inside the store of pinned versions"), label.evalue());
            CellError fromJava = errorOf("ReportPage.write(assay.dataset(\"blooms\").report(), java.nio.file.Path.of(\"../../"
                    + unique + ".html\"))");
            assertTrue(fromJava.evalue().contains("leads out of the working folder"), fromJava.evalue());
        } finally {
            executor.setParameters(Map.of());
        }
    }

    /** About four seconds of DuckDB work here: long enough for a bar, short enough for a test. */
    private static final String LONG_QUERY = "SELECT count(DISTINCT i % 1000003) AS d FROM range(60000000) r(i)";

    @Test
    void aLongOperationShowsABarUpdatedInPlaceThatEndsWithTheTimeTaken() {
        RecordingSink sink = run("%%sql\n" + LONG_QUERY);

        List<RecordingSink.Event> bars = sink.events.stream()
                .filter(e -> e.bundle() != null && e.bundle().data().get("text/html").toString().contains("assay-progress"))
                .toList();
        assertTrue(bars.size() >= 2, "a bar and at least its final update: " + sink.kinds());
        assertEquals("display", bars.get(0).kind());
        String id = bars.get(0).name();
        assertNotNull(id, "the bar has a display id, so that it can be updated");
        assertTrue(bars.subList(1, bars.size()).stream().allMatch(e -> e.kind().equals("update") && id.equals(e.name())),
                "every later state updates the same display: " + bars);
        String last = bars.get(bars.size() - 1).bundle().plainText();
        assertTrue(last.matches("SELECT count\\(DISTINCT .*: done in \\d+\\.\\d s"), last);
        assertEquals("result", sink.kinds().get(sink.kinds().size() - 1), "the rows come after the bar");

        // A quick statement stays quiet.
        assertEquals(List.of("result"), run("%%sql\nSELECT 42").kinds());
    }

    /** The kernel's own interrupt, landing inside a near-duplicate search, leaves no scratch table behind. */
    @Test
    void anInterruptedNearDuplicateSearchLeavesNoScratchTables() throws Exception {
        // 800,000 texts: a search of about 20 s on an idle machine (80,000 ended within the second
        // before the bar, and so before the interrupt); the interrupt ends it early.
        run("%%sql scratchy\nSELECT i AS id, md5((i % 400000)::VARCHAR) || ' ' || md5((i % 400000 + 1)::VARCHAR) AS text "
                + "FROM range(800000) t(i)");
        var done = new CompletableFuture<RecordingSink>();
        RecordingSink sink = new RecordingSink();
        Thread cell = new Thread(() -> done.complete(session.run("%%assay\nduplicates scratchy on text near 0.8", sink)));
        cell.start();
        // The bar is up after a second: by then the search has made its scratch tables.
        while (!sink.kinds().contains("display") && cell.isAlive()) {
            Thread.sleep(50);
        }
        executor.interrupt();
        done.get(120, TimeUnit.SECONDS);
        assertEquals("InterruptedException", errorIn(sink).ename(), "the search was still running: " + sink.kinds());
        assertEquals("0", run("((Number) assay.engine().smallResult(\"SELECT count(*) FROM duckdb_tables() "
                + "WHERE starts_with(table_name, '__assay_')\").get(0).get(0)).longValue()").result());
    }

    @Test
    void anInterruptedOperationsBarSaysItStopped() throws Exception {
        var done = new CompletableFuture<RecordingSink>();
        RecordingSink sink = new RecordingSink();
        Thread cell = new Thread(() -> done.complete(session.run("%%sql\n" + LONG_QUERY.replace("60000000", "6000000000"), sink)));
        cell.start();
        // Interrupt once the bar is up (it appears after a second), so that there is one to stop.
        while (!sink.kinds().contains("display") && cell.isAlive()) {
            Thread.sleep(50);
        }
        executor.interrupt();
        done.get(60, TimeUnit.SECONDS);

        String last = sink.events.stream().filter(e -> e.kind().equals("update")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no final bar: " + sink.kinds())).bundle().plainText();
        assertTrue(last.contains(": stopped after "), last);
        assertEquals("InterruptedException", errorIn(sink).ename());
    }

    @Test
    void anInterruptLetsAStaticInitializerFinishStopsTheLoopAfterItAndTheSessionGoesOn() throws Exception {
        run("int kept = 7;");
        var done = new CompletableFuture<RecordingSink>();
        // The initializer spins past the interrupt's grace, counted from the test's interrupt
        // (never before it), then the cell loops until stopped.
        Thread cell = new Thread(() -> done.complete(session.run("""
                class SlowInit {
                    static final int VALUE;
                    static {
                        System.setProperty("assay.test.initializing", "yes");
                        while (Long.getLong("assay.test.interruptAt") == null
                                || System.nanoTime() - Long.getLong("assay.test.interruptAt") < 500_000_000L) {
                            Thread.onSpinWait();
                        }
                        VALUE = 42;
                    }
                }
                void useThenLoop() {
                    long n = SlowInit.VALUE;
                    while (true) { n++; }
                }
                useThenLoop();
                """)));
        try {
            cell.start();
            while (System.getProperty("assay.test.initializing") == null) {
                assertTrue(cell.isAlive(), "the cell ended before its initializer ran");
                Thread.sleep(5);
            }
            System.setProperty("assay.test.interruptAt", Long.toString(System.nanoTime()));
            executor.interrupt();
            assertEquals("InterruptedException", errorIn(done.get(60, TimeUnit.SECONDS)).ename());
        } finally {
            System.clearProperty("assay.test.initializing");
            System.clearProperty("assay.test.interruptAt");
        }
        // Stopped inside its initializer, SlowInit would fail here: "Could not initialize class".
        assertEquals("49", run("SlowInit.VALUE + kept").result());
    }
}
