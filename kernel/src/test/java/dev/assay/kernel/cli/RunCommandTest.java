package dev.assay.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assay run}: exit codes and the executed notebook, for good, failing and unreadable input. */
class RunCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path notebook(String... cells) throws Exception {
        ObjectNode nb = JSON.createObjectNode();
        nb.put("nbformat", 4).put("nbformat_minor", 5);
        nb.putObject("metadata");
        ArrayNode list = nb.putArray("cells");
        ObjectNode md = list.addObject();
        md.put("cell_type", "markdown").put("id", "intro").put("source", "# A title");
        md.putObject("metadata");
        int i = 0;
        for (String code : cells) {
            ObjectNode cell = list.addObject();
            cell.put("cell_type", "code").put("id", "c" + i++);
            ArrayNode source = cell.putArray("source"); // the list-of-lines form nbformat also allows
            for (String line : code.split("(?<=\n)")) {
                source.add(line);
            }
            cell.putObject("metadata");
            cell.putArray("outputs").addObject().put("output_type", "stream").put("name", "stdout").put("text", "stale");
            cell.putNull("execution_count");
        }
        Path file = dir.resolve("nb.ipynb");
        Files.writeString(file, JSON.writeValueAsString(nb));
        return file;
    }

    private record Run(int exit, String stderr) {
    }

    private static Run run(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = AssayCommand.execute(args);
            return new Run(exit, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }

    @Test
    void passingNotebookExitsZeroWithOutputsInPlace() throws Exception {
        Path nb = notebook("int a = 20;\nSystem.out.println(\"a=\" + a);", "a * 2 + 2");
        Path out = dir.resolve("out/executed.ipynb");
        Run r = run("run", nb.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.stderr());
        JsonNode cells = JSON.readTree(out.toFile()).path("cells");
        assertEquals("markdown", cells.get(0).path("cell_type").asText());
        assertEquals(1, cells.get(1).path("execution_count").asInt());
        assertEquals("a=20\n", cells.get(1).path("outputs").get(0).path("text").asText());
        assertEquals(1, cells.get(1).path("outputs").size(), "stale outputs are replaced");
        JsonNode result = cells.get(2).path("outputs").get(0);
        assertEquals("execute_result", result.path("output_type").asText());
        assertEquals("42", result.path("data").path("text/plain").asText());
        assertEquals(2, result.path("execution_count").asInt());
        JsonNode meta = JSON.readTree(out.toFile()).path("metadata");
        assertEquals("assay", meta.path("kernelspec").path("name").asText());
        assertEquals("java", meta.path("language_info").path("name").asText());
        assertTrue(r.stderr().contains("[2/2]"), "progress on stderr: " + r.stderr());
        if (out.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            // Same mode as any file the user creates here, not a temporary file's private 0600.
            Path plain = Files.createFile(dir.resolve("plain"));
            assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(out));
        }
    }

    @Test
    void failingCellExitsOneAndLaterCellsKeepNoOutputs() throws Exception {
        Path nb = notebook("System.out.println(\"ran\");", "int broken = 1 / 0;", "System.out.println(\"never\");");
        Path out = dir.resolve("failed.ipynb");
        Run r = run("run", nb.toString(), "-o", out.toString());
        assertEquals(1, r.exit());
        assertTrue(r.stderr().contains("ArithmeticException"), r.stderr());
        JsonNode cells = JSON.readTree(out.toFile()).path("cells");
        JsonNode error = cells.get(2).path("outputs").get(0);
        assertEquals("error", error.path("output_type").asText());
        assertEquals("java.lang.ArithmeticException", error.path("ename").asText());
        assertEquals(2, cells.get(2).path("execution_count").asInt());
        assertEquals(0, cells.get(3).path("outputs").size());
        assertTrue(cells.get(3).path("execution_count").isNull());
    }

    @Test
    void htmlPageIsWrittenAfterAFailureToAPathMeantFromWhereTheCommandStarted() throws Exception {
        Path nb = notebook("System.out.println(\"ran\");", "int broken = 1 / 0;", "System.out.println(\"never\");");
        // Relative to this JVM's working directory (the module), not to the notebook's folder where the run goes on.
        Path relative = Path.of("target", "run-html-test", dir.getFileName().toString(), "failed.html");
        Path expected = Path.of("").toAbsolutePath().resolve(relative);
        try {
            Run r = run("run", nb.toString(), "-o", dir.resolve("failed.ipynb").toString(), "--html", relative.toString());
            assertEquals(1, r.exit(), r.stderr());
            assertTrue(r.stderr().contains("wrote " + dir.resolve("failed.ipynb") + " and " + expected), r.stderr());
            assertFalse(Files.exists(dir.resolve(relative)), "not resolved against the notebook's folder");
            String page = Files.readString(expected);
            assertTrue(page.startsWith("<!DOCTYPE html>"), page);
            assertTrue(page.contains("Failed</b> at <a href=\"#cell-3\">cell 3 (In [2])</a>: java.lang.ArithmeticException"), page);
            assertTrue(page.contains("class=\"nb-error\"") && page.contains("/ by zero"), "the failed cell's error: " + page);
            assertTrue(page.contains("<pre class=\"nb-stream nb-stdout\">ran\n</pre>"), page);
            assertTrue(page.contains("<span class=\"nb-badge\">not run</span>"), "the cell after it: " + page);
            assertFalse(page.contains("\u001b"), "no raw escape codes");
        } finally {
            Files.deleteIfExists(expected);
            Files.deleteIfExists(expected.getParent());
        }
    }

    @Test
    void aLaterCellUpdatesAnEarlierDisplayAndEmptyCellsAreSkipped() throws Exception {
        Path nb = notebook("var h = display(\"before\");", "   \n", "h.update(\"after\");");
        Path out = dir.resolve("updated.ipynb");
        assertEquals(0, run("run", nb.toString(), "-o", out.toString()).exit());
        JsonNode cells = JSON.readTree(out.toFile()).path("cells");
        assertEquals("\"after\"", cells.get(1).path("outputs").get(0).path("data").path("text/plain").asText());
        assertTrue(cells.get(2).path("execution_count").isNull(), "an empty cell is not executed");
        assertEquals(2, cells.get(3).path("execution_count").asInt());
        assertEquals(0, cells.get(3).path("outputs").size());
    }

    @Test
    void cellsRunInTheNotebooksDirectory() throws Exception {
        Path nb = notebook("Files.readString(Path.of(\"beside.txt\")).strip()");
        Files.writeString(dir.resolve("beside.txt"), "found\n");
        Path out = dir.resolve("cwd.ipynb");
        Run r = run("run", nb.toString(), "-o", out.toString()); // the test's working directory is elsewhere
        assertEquals(0, r.exit(), r.stderr());
        JsonNode cell = JSON.readTree(out.toFile()).path("cells").get(1);
        assertEquals("\"found\"", cell.path("outputs").get(0).path("data").path("text/plain").asText());
    }

    @Test
    void defaultOutputIsBesideTheNotebook() throws Exception {
        Path nb = notebook("1");
        assertEquals(0, run("run", nb.toString()).exit());
        assertTrue(Files.exists(dir.resolve("nb.out.ipynb")));
    }

    @Test
    void missingNotebookExitsTwo() {
        Run r = run("run", dir.resolve("absent.ipynb").toString());
        assertEquals(2, r.exit());
        assertTrue(r.stderr().contains("notebook not found"), r.stderr());
    }

    @Test
    void corruptNotebookExitsTwoAndSaysWhere() throws Exception {
        Path bad = dir.resolve("bad.ipynb");
        Files.writeString(bad, "{\n  \"cells\": [\n    {\"cell_type\": \"code\",,}\n");
        Run r = run("run", bad.toString(), "-o", dir.resolve("x.ipynb").toString());
        assertEquals(2, r.exit());
        assertTrue(r.stderr().contains("is not valid JSON (line 3"), r.stderr());
        assertFalse(Files.exists(dir.resolve("x.ipynb")), "nothing written for unreadable input");
    }

    @Test
    void notANotebookExitsTwo() throws Exception {
        Path v3 = dir.resolve("old.ipynb");
        Files.writeString(v3, "{\"nbformat\": 3, \"worksheets\": []}");
        Run r = run("run", v3.toString());
        assertEquals(2, r.exit());
        assertTrue(r.stderr().contains("not an nbformat 4 notebook"), r.stderr());
    }

    @Test
    void anOutputThatCannotBeWrittenFailsBeforeAnyCellRuns() throws Exception {
        Path nb = notebook("Files.writeString(Path.of(\"ran.txt\"), \"yes\");");
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "a file");
        Path out = blocker.resolve("out.ipynb");
        Run r = run("run", nb.toString(), "-o", out.toString());
        assertEquals(2, r.exit(), r.stderr());
        assertTrue(r.stderr().contains("cannot write " + out), r.stderr());
        assertFalse(Files.exists(dir.resolve("ran.txt")), "the cell ran although its notebook could not be saved");
    }

    @Test
    void withSparkAMissingSparkJarIsAUsageErrorNamingIt() throws Exception {
        Path nb = notebook("1");
        Run r = run("run", nb.toString(), "--with-spark", "--spark-jar", dir.resolve("nope.jar").toString());
        assertEquals(2, r.exit(), r.stderr());
        assertTrue(r.stderr().contains("--with-spark") && r.stderr().contains("nope.jar"), r.stderr());
        r = run("run", nb.toString(), "--spark-jar", dir.resolve("nope.jar").toString());
        assertEquals(2, r.exit(), r.stderr());
        assertTrue(r.stderr().contains("--spark-jar goes with --with-spark"), r.stderr());
        assertFalse(Files.exists(dir.resolve("nb.out.ipynb")), "nothing ran");
    }

    @Test
    void usageErrorExitsTwo() {
        assertEquals(2, run("run").exit());
        assertEquals(2, run("frobnicate").exit());
    }

    /** Tags the code cell {@code index} (0-based among code cells) of a notebook file. */
    private static void tag(Path notebook, int index, String tag) throws Exception {
        ObjectNode nb = (ObjectNode) JSON.readTree(notebook.toFile());
        int seen = 0;
        for (JsonNode cell : nb.path("cells")) {
            if (cell.path("cell_type").asText().equals("code") && seen++ == index) {
                ((ObjectNode) cell.path("metadata")).putArray("tags").add(tag);
            }
        }
        Files.writeString(notebook, JSON.writeValueAsString(nb));
    }

    private static String text(JsonNode cell) {
        StringBuilder all = new StringBuilder();
        for (JsonNode output : cell.path("outputs")) {
            all.append(output.path("text").asText()).append(output.path("data").path("text/plain").asText());
        }
        return all.toString();
    }

    @Test
    void parametersOfEachTypeReachJavaAndTheLanguage() throws Exception {
        Files.writeString(dir.resolve("numbers.csv"), "n\n1\n2\n3\n4\n");
        Path nb = notebook("int rows = 1;\ndouble ratio = 0;\nboolean flag = false;\nString name = \"default\";\nlong big = 0;",
                "rows + 1",
                "String.valueOf(ratio * 2) + \"|\" + flag + \"|\" + name + \"|\" + (big + 1)",
                "%%assay\nnums = load '$file'\nshow nums limit $rows");
        tag(nb, 0, "parameters");
        Path out = dir.resolve("params.ipynb");
        Run r = run("run", nb.toString(), "-o", out.toString(), "-p", "rows=2", "-p", "ratio=0.25", "-p", "flag=true",
                "-p", "name=it's \"quoted\" \\ text", "-p", "big=12345678901", "-p", "file=numbers.csv");
        assertEquals(0, r.exit(), r.stderr());
        JsonNode cells = JSON.readTree(out.toFile()).path("cells");
        JsonNode injected = cells.get(2);
        assertEquals("injected-parameters", injected.path("metadata").path("tags").get(0).asText(),
                "injected right after the parameters cell");
        assertTrue(injected.path("source").asText().contains("int rows = 2;\ndouble ratio = 0.25;\nboolean flag = true;"),
                injected.path("source").asText());
        assertEquals("3", text(cells.get(3)), "the integer overrides the default");
        assertEquals("\"0.5|true|it's \\\"quoted\\\" \\\\ text|12345678902\"", text(cells.get(4)));
        String shown = text(cells.get(5));
        assertTrue(shown.contains("Loaded 4 rows from numbers.csv") && shown.contains("first 2 of 4 rows"),
                "load '$file' and limit $rows: " + shown);

        // Run again on the output: the injected cell is replaced, not added twice.
        Path again = dir.resolve("again.ipynb");
        assertEquals(0, run("run", out.toString(), "-o", again.toString(), "-p", "rows=3", "-p", "file=numbers.csv").exit());
        JsonNode rerun = JSON.readTree(again.toFile()).path("cells");
        assertEquals(cells.size(), rerun.size());
        assertEquals("4", text(rerun.get(3)));
    }

    @Test
    void anUnknownParameterIsAnErrorAtItsPlace() throws Exception {
        Path nb = notebook("%%assay\nshow $missing");
        Run r = run("run", nb.toString(), "-o", dir.resolve("unknown.ipynb").toString());
        assertEquals(1, r.exit());
        assertTrue(r.stderr().contains("line 2, column 6: no parameter or Java variable 'missing' for $missing"), r.stderr());
    }

    @Test
    void badParametersAndTimeoutsAreUsageErrors() throws Exception {
        Path nb = notebook("1");
        assertEquals(2, run("run", nb.toString(), "-p", "1x=3").exit());
        assertEquals(2, run("run", nb.toString(), "-p", "novalue").exit());
        assertEquals(2, run("run", nb.toString(), "-p", "class=1").exit());
        assertEquals(2, run("run", nb.toString(), "-p", "null=1").exit(), "a literal is not a variable name either");
        assertEquals(2, run("run", nb.toString(), "-p", "a=1", "-p", "a=2").exit());
        assertEquals(2, run("run", nb.toString(), "--timeout", "0").exit());
    }

    @Test
    void aCellOverItsTimeoutIsInterruptedAndFailsTheRun() throws Exception {
        Path nb = notebook("System.out.println(\"first\");", "Thread.sleep(120_000);", "System.out.println(\"never\");");
        Path out = dir.resolve("slow.ipynb");
        // 10 s, not less: on a loaded machine the first cell (JShell's first compile) can take seconds.
        Run r = run("run", nb.toString(), "-o", out.toString(), "--timeout", "10");
        assertEquals(1, r.exit(), r.stderr());
        assertTrue(r.stderr().contains("TIMED OUT") && r.stderr().contains("longer than --timeout 10 s"), r.stderr());
        JsonNode cells = JSON.readTree(out.toFile()).path("cells");
        assertEquals("error", cells.get(2).path("outputs").get(0).path("output_type").asText());
        assertTrue(cells.get(3).path("execution_count").isNull(), "the cell after it did not run");
        JsonNode timing = cells.get(1).path("metadata").path("execution");
        Instant started = Instant.parse(timing.path("shell.execute_reply.started").asText());
        Instant ended = Instant.parse(timing.path("shell.execute_reply").asText());
        assertFalse(ended.isBefore(started), "per-cell timing in the cell's metadata");
        assertTrue(cells.get(2).path("metadata").path("execution").has("shell.execute_reply"));
    }

    @Test
    void aFailedCheckFailsTheRunAfterShowingEveryRuleAndAPassingOneDoesNot() throws Exception {
        Files.writeString(dir.resolve("labels.csv"), "text,label\nhi,ham\nwin cash,spam\nhi,ham\nsee you,ham\n");
        Path nb = notebook("int MIN_ROWS = 1;",
                "%%assay\nmsgs = load 'labels.csv'\ncheck msgs: rows >= $MIN_ROWS,\n  duplicates(text) <= 25%, missing(label) = 0",
                "System.out.println(\"after the check\");");
        tag(nb, 0, "parameters");
        Path passed = dir.resolve("passed.ipynb");
        Run ok = run("run", nb.toString(), "-o", passed.toString(), "-p", "MIN_ROWS=4");
        assertEquals(0, ok.exit(), ok.stderr());
        JsonNode cells = JSON.readTree(passed.toFile()).path("cells");
        assertTrue(text(cells.get(3)).contains("Check msgs passed: all 3 rules hold"), text(cells.get(3)));
        assertEquals("after the check\n", text(cells.get(4)));

        Path failed = dir.resolve("failed.ipynb");
        Run bad = run("run", nb.toString(), "-o", failed.toString(), "-p", "MIN_ROWS=5");
        assertEquals(1, bad.exit(), bad.stderr());
        assertTrue(bad.stderr().contains("check msgs failed 1 of 3 rules: rows >= 5 (measured 4)"), bad.stderr());
        JsonNode outputs = JSON.readTree(failed.toFile()).path("cells").get(3).path("outputs");
        JsonNode check = outputs.get(outputs.size() - 2).path("data").path("application/vnd.assay.result+json");
        assertEquals("check", check.path("kind").asText());
        assertFalse(check.path("passed").asBoolean());
        assertEquals(List.of("rows >= 5", "duplicates(text) <= 25%", "missing(label) = 0"),
                StreamSupport.stream(check.path("rules").spliterator(), false).map(rule -> rule.path("rule").asText()).toList());
        assertEquals(25.0, check.path("rules").get(1).path("value").asDouble(), "one of four texts repeats");
        assertTrue(check.path("rules").get(1).path("passed").asBoolean());
        assertEquals("CheckFailed", outputs.get(outputs.size() - 1).path("ename").asText());
        assertTrue(JSON.readTree(failed.toFile()).path("cells").get(4).path("execution_count").isNull(),
                "the cell after a failed check does not run");
    }
}
