package dev.assay.dsl.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.check.Measure;
import dev.assay.dsl.check.Rule;
import dev.assay.dsl.duplicates.Match;
import dev.assay.dsl.sample.SamplePlan;
import dev.assay.dsl.statements.CheckStatement;
import dev.assay.dsl.statements.DedupStatement;
import dev.assay.dsl.statements.DiffStatement;
import dev.assay.dsl.statements.DriftStatement;
import dev.assay.dsl.statements.DuplicatesStatement;
import dev.assay.dsl.statements.LeakageStatement;
import dev.assay.dsl.statements.LoadStatement;
import dev.assay.dsl.statements.PinStatement;
import dev.assay.dsl.statements.ProfileStatement;
import dev.assay.dsl.statements.ReportStatement;
import dev.assay.dsl.statements.SampleStatement;
import dev.assay.dsl.statements.ShowStatement;
import dev.assay.dsl.statements.SplitStatement;
import dev.assay.dsl.statements.VersionsStatement;
import dev.assay.dsl.workspace.DiffSide;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every form of the data language (README, "%%assay cells"), and the errors a user gets for what does not parse. */
class ParserTest {

    private static Statement one(String line) {
        List<Statement> all = Parser.parse(line);
        assertEquals(1, all.size(), all.toString());
        return all.get(0);
    }

    private static String error(String cell) {
        return assertThrows(ParseException.class, () -> Parser.parse(cell)).getMessage();
    }

    @Test
    void theWholeGrammarOfTheDesignParses() {
        List<Statement> s = Parser.parse("""
                reviews = load 'data/reviews.csv'                  # csv, tsv, parquet, json, ndjson; globs
                reviews = load 'data/x.tsv' with (delimiter='\\t', quote='', header=true)
                old     = load pin 'reviews-train@2'
                show reviews limit 20
                profile reviews on col1, col2
                duplicates reviews on text normalize near 0.8
                clean = dedup reviews on text normalize near 0.8
                train, valid, test = split clean 80/10/10 by id stratify label group user_id order by ts seed 7
                leakage train, test on text normalize near 0.8
                drift train vs test on col1, col2 using psi threshold 0.1
                pin train as 'reviews-train'
                versions 'reviews-train'
                diff 'reviews-train@1' 'reviews-train@2' on id
                check train: rows > 1000, missing(text) = 0, duplicates(text) < 1%
                report train vs test to 'report.html'
                """);
        assertEquals(15, s.size());
        assertEquals(new LoadStatement("reviews", "data/reviews.csv", false, Map.of(), new Position(1, 1)), s.get(0));
        LoadStatement tsv = (LoadStatement) s.get(1);
        assertEquals(Map.of("delimiter", "\t", "quote", "", "header", true), tsv.options());
        assertTrue(((LoadStatement) s.get(2)).pin());
        assertEquals(20, ((ShowStatement) s.get(3)).limit());
        assertEquals(List.of("col1", "col2"), ((ProfileStatement) s.get(4)).columns());
        DuplicatesStatement d = (DuplicatesStatement) s.get(5);
        assertEquals(Match.on("text").normalized().near(0.8), d.match());
        assertEquals("clean", ((DedupStatement) s.get(6)).target());
        SplitStatement split = (SplitStatement) s.get(7);
        assertEquals(List.of("train", "valid", "test"), split.targets());
        assertEquals(List.of(new BigDecimal("80"), new BigDecimal("10"), new BigDecimal("10")), split.percentages());
        assertEquals(List.of("id"), split.by());
        assertEquals("label", split.stratify());
        assertEquals("user_id", split.group());
        assertEquals("ts", split.orderBy());
        assertEquals(7L, split.seed());
        assertEquals("test", ((LeakageStatement) s.get(8)).right());
        DriftStatement drift = (DriftStatement) s.get(9);
        assertEquals("psi", drift.using());
        assertEquals(new BigDecimal("0.1"), drift.threshold());
        assertEquals("reviews-train", ((PinStatement) s.get(10)).label());
        assertEquals("reviews-train", ((VersionsStatement) s.get(11)).label());
        assertEquals(List.of("id"), ((DiffStatement) s.get(12)).on());
        CheckStatement check = (CheckStatement) s.get(13);
        assertEquals(3, check.rules().size());
        Rule pct = check.rules().get(2);
        assertEquals(Measure.duplicates("text").percent().lessThan(1), pct);
        assertEquals("duplicates(text) < 1%", pct.text());
        assertEquals(new Position(14, 46), check.rulePositions().get(2));
        ReportStatement report = (ReportStatement) s.get(14);
        assertEquals("test", report.versus());
        assertEquals("report.html", report.to());
        assertNull(report.label());
    }

    @Test
    void reportAsksForALabelsSection() {
        ReportStatement report = (ReportStatement) one("report train vs test labels label to 'r.html'");
        assertEquals("test", report.versus());
        assertEquals("label", report.label());
        assertEquals("r.html", report.to());
        assertEquals("label", ((ReportStatement) one("REPORT train LABELS label")).label());
    }

    @Test
    void keywordsAreCaseInsensitiveAndClausesComeInAnyOrder() {
        SplitStatement s = (SplitStatement) one("A, B = SPLIT data 50/50 SEED 3 Stratify y");
        assertEquals(3L, s.seed());
        assertEquals("y", s.stratify());
        assertEquals(new DriftStatement("a", "b", List.of(), "ks", null, new Position(1, 1)), one("DRIFT a VS b USING KS"));
    }

    @Test
    void stringEscapesAndComments() {
        LoadStatement l = (LoadStatement) one("x = load 'it\\'s\\\\here\\n.csv'   # a comment with 'quotes'");
        assertEquals("it's\\here\n.csv", l.path());
        assertEquals(0, Parser.parse("# only a comment\n\n   \n").size());
    }

    @Test
    void misspeltStatementsSuggestTheKeyword() {
        assertEquals("line 2, column 1: unknown statement 'profle'; did you mean 'profile'?; statements: "
                + String.join(", ", Parser.STATEMENTS), error("show x\nprofle x"));
        assertTrue(error("x = lod 'a.csv'").startsWith("line 1, column 5: expected load, dedup, split, sample or conflicts after '=', "
                + "found 'lod'; did you mean 'load'?"));
        assertTrue(error("duplicates x on text nera 0.8").startsWith(
                "line 1, column 22: unexpected 'nera'; did you mean 'near'?"));
        assertTrue(error("drift a vs b using psy").startsWith("line 1, column 20: unknown drift method 'psy'; did you mean 'psi'?"));
    }

    @Test
    void splitChecksItsPercentagesAndNames() {
        assertEquals("line 1, column 19: the percentages add up to 90, not 100", error("a, b, c = split x 80/5/5"));
        assertEquals("line 1, column 16: 3 percentages for 2 names: give one percentage for each of a, b",
                error("a, b = split x 80/10/10"));
        assertTrue(error("a, b = dedup x").contains("expected 'split' (only split makes several datasets)"));
    }

    @Test
    void thresholdsAreChecked() {
        assertTrue(error("duplicates x near 1.5").contains("the near threshold must be in (0, 1], got 1.5"));
        assertTrue(error("duplicates x near 0").contains("the near threshold must be in (0, 1], got 0"));
        assertTrue(error("drift a vs b threshold -1").contains("the threshold must not be negative"));
        assertEquals("line 1, column 33: threshold 1.5 is out of range: ks, a test, takes a p-value threshold between 0 "
                + "and 1 (exclusive), like 0.05", error("drift a vs b using ks threshold 1.5"));
        assertEquals("line 1, column 24: threshold 0 is out of range: psi, a distance, takes a threshold above 0, like 0.1",
                error("drift a vs b threshold 0 using psi"));
    }

    @Test
    void lexicalErrorsSayWhere() {
        assertEquals("line 1, column 10: this string has no closing quote (')", error("x = load 'data.csv"));
        assertEquals("line 1, column 10: unexpected character '\"'; strings are in single quotes: 'like this'",
                error("x = load \"data.csv\""));
        assertTrue(error("x = load 'a\\qb'").contains("unknown escape '\\q'"));
    }

    @Test
    void structuralErrorsSayWhatWasExpectedAndFound() {
        assertEquals("line 1, column 5: expected a dataset name, found the end of the cell", error("show"));
        assertEquals("line 1, column 11: expected the end of the statement, found 'extra'", error("show data extra"));
        assertEquals("line 1, column 10: expected ':', found 'rows'", error("check ds rows > 1"));
        assertTrue(error("check ds: rows ~ 1").startsWith("line 1, column 16: unexpected character '~'"));
        assertEquals("line 1, column 16: expected a comparison (< <= = >= > !=), found the number 1",
                error("check ds: rows 1"));
        assertEquals("line 1, column 30: option 'quote' is given twice",
                error("x = load 'a' with (quote='', quote='\"')"));
        assertTrue(error("show x limit -3").contains("expected a row count (0 or more, no fraction)"));
    }

    @Test
    void checkRulesAreCheckedWhereTheyAreWritten() {
        CheckStatement c = (CheckStatement) one("check t: fingerprint = 'sha256:ab', fingerprint != 'raw@2', mean(x) >= -1.5");
        assertEquals(Measure.fingerprint().notEqualTo("raw@2"), c.rules().get(1));
        CheckStatement multiline = (CheckStatement) one("check t: rows > 0,   # a comment\n  missing(a) = 0,\n  pii = 0");
        assertEquals(3, multiline.rules().size(), "a line ending in a comma continues");
        assertEquals(new Position(3, 3), multiline.rulePositions().get(2));
        assertEquals(new BigDecimal("-1.5"), c.rules().get(2).limit());
        assertEquals("line 1, column 20: unknown measure 'missin'; did you mean 'missing'? (a rule measures rows, "
                + "missing, distinct, duplicates, min, max, mean, outliers, skewness, pii, null_like, unexpected, drift, fingerprint, "
                + "conflicts, imbalance, minority, association, new_labels, correlation, schema, freshness)",
                error("check t: rows > 0, missin(a) = 0"));
        assertEquals("line 1, column 17: rows cannot be a percentage; percentages are of the rows (missing, distinct, "
                + "duplicates, pii) or of the columns (drift)", error("check t: rows > 5%"));
        assertEquals("line 1, column 10: distinct measures one column: write distinct(COLUMN)", error("check t: distinct = 3"));
        assertTrue(error("check t: fingerprint = 3").startsWith(
                "line 1, column 24: expected a fingerprint or a version in quotes"));
        assertEquals("line 1, column 24: fingerprint is compared with = or !=, not <", error("check t: fingerprint < 'a@1'"));
        assertTrue(error("check t: rows > 'x'").startsWith("line 1, column 17: expected a number, found"));
    }

    @Test
    void versionLabelsAreCheckedWhereTheyAreWritten() {
        assertEquals("line 2, column 14: '../x' is not a version label: '/' at character 3; labels use letters, digits, "
                + "'-', '_' and '.' (at most 100 characters)", error("show a\npin train as '../x'"));
        assertTrue(error("pin train as ''").startsWith("line 1, column 14: a version label cannot be empty"));
        assertTrue(error("versions 'a/b'").startsWith("line 1, column 10: 'a/b' is not a version label"));
        assertTrue(error("old = load pin 'raw@two'").startsWith("line 1, column 16: 'raw@two' is not a version: write 'LABEL@N'"));
        assertTrue(error("diff 'a@1' 'b@0'").startsWith("line 1, column 12: versions are numbered from 1"));
    }

    @Test
    void diffTakesVersionsOrDatasets() {
        DiffStatement versions = (DiffStatement) one("diff 'raw@1' 'raw' on id, day");
        assertEquals(DiffSide.version("raw@1"), versions.from());
        assertEquals(DiffSide.version("raw"), versions.to());
        assertEquals(List.of("id", "day"), versions.on());
        DiffStatement datasets = (DiffStatement) one("diff train 'raw@2'");
        assertEquals(DiffSide.dataset("train"), datasets.from());
        assertEquals(List.of(), datasets.on());
    }

    /** Issue 20: every number is checked where it is written; none wraps around or escapes as a Java exception. */
    @Test
    void numbersAreValidatedAndRangeCheckedWhereWritten() {
        assertEquals("line 1, column 29: '1.2.3' is not a number: write digits with at most one decimal point, like 42 or 0.5",
                error("x = load 'a.csv' with (skip=1.2.3)"));
        assertTrue(error("x = load 'a.csv' with (skip=5k)").contains("'5k' is not a number"));
        assertEquals("line 1, column 29: the number 99999999999999999999 is out of range: it must be from "
                + Long.MIN_VALUE + " to " + Long.MAX_VALUE, error("x = load 'a.csv' with (skip=99999999999999999999)"));
        assertEquals("line 1, column 14: the number 3000000000 is out of range: it must be from 0 to " + Integer.MAX_VALUE,
                error("show x limit 3000000000"));
        assertEquals(Integer.MAX_VALUE, ((ShowStatement) one("show x limit " + Integer.MAX_VALUE)).limit());
        assertTrue(error("a, b = split t 50/50 seed 99999999999999999999999")
                .endsWith("the number 99999999999999999999999 is out of range: it must be from 0 to " + Long.MAX_VALUE));
        assertEquals(Long.MAX_VALUE, ((SplitStatement) one("a, b = split t 50/50 seed " + Long.MAX_VALUE)).seed());
        assertTrue(error("a, b = split t 33.3333333/66.6666667").contains("at most 6 decimal places"));
        assertTrue(error("a, b = split t 150/-50").contains("above 0 and at most 100"));
        assertTrue(error("x = load 'a.csv' with (skip=1" + "0".repeat(400) + ".5)").contains("is too large"));
    }

    /** Columns count code points: a character outside the BMP is one column and is quoted whole. */
    @Test
    void positionsAndExcerptsCountCodePoints() {
        String clef = new String(Character.toChars(0x1D11E));
        assertEquals("line 1, column 6: unexpected character '" + clef + "' (U+1D11E)", error("show " + clef + "x"));
        assertEquals("line 1, column 15: expected the end of the statement, found '='", error("x = load '" + clef + clef + "' ="));
        assertEquals("line 1, column 14: unexpected character U+0000", error("x = load '" + clef + "' \u0000"));
        String longString = "y".repeat(5_000);
        assertTrue(error("show '" + longString + "'").length() < 300, "a long string is quoted short");
    }

    @Test
    void exactIsASplitClause() {
        assertTrue(((SplitStatement) one("a, b = split t 80/20 exact seed 1")).exact());
        assertFalse(((SplitStatement) one("a, b = split t 80/20")).exact());
    }

    @Test
    void profileTakesThePhoneRegionsAsAnOption() {
        ProfileStatement p = (ProfileStatement) one("profile sms on SMS with (Phone_Regions = 'gb, us')");
        assertEquals(List.of("SMS"), p.columns());
        assertEquals(List.of("GB", "US"), p.phoneRegions().codes());
        assertEquals(List.of(), ((ProfileStatement) one("profile sms with (phone_regions='')")).phoneRegions().codes());
        assertEquals(null, ((ProfileStatement) one("profile sms")).phoneRegions());
        assertEquals("line 1, column 19: unknown option 'phone_region'; did you mean 'phone_regions'?; options: phone_regions",
                error("profile sms with (phone_region='GB')"));
        assertEquals("line 1, column 33: 'UK' is not a region code: the United Kingdom is 'GB'",
                error("profile sms with (phone_regions='GB,UK')"));
        assertTrue(error("profile sms with (phone_regions=44)").startsWith(
                "line 1, column 33: phone_regions takes region codes in quotes, like 'US,GB"), error("profile sms with (phone_regions=44)"));
    }

    @Test
    void sampleTakesARowCountOrAPercentageAndASeed() {
        assertEquals(new SampleStatement("s", "data", SamplePlan.rows(1000).seed(3), new Position(1, 1)),
                one("s = sample data 1000 seed 3"));
        SampleStatement share = (SampleStatement) one("s = SAMPLE data 12.5%");
        assertEquals(new BigDecimal("12.5"), share.plan().percent());
        assertEquals(0, share.plan().seed(), "the seed defaults to 0, as split's does");
        assertEquals("line 1, column 1: 'sample' makes a dataset: write NAME = sample ...", error("sample data 10"));
        assertEquals("line 1, column 17: a sample needs at least 1 row, got 0", error("s = sample data 0"));
        assertEquals("line 1, column 17: a sample needs a percentage above 0 and at most 100, got 150",
                error("s = sample data 150%"));
        assertTrue(error("s = sample data 2.5").startsWith("line 1, column 17: expected a row count like 1000 or a "
                + "percentage like 10% (0 or more, no fraction)"), error("s = sample data 2.5"));
        assertEquals("line 1, column 21: unexpected 'sede'; did you mean 'seed'?; this statement takes seed",
                error("s = sample data 10% sede 3"));
        assertTrue(error("s = sampel data 10").startsWith("line 1, column 5: expected load, dedup, split, sample or conflicts after '=', "
                + "found 'sampel'; did you mean 'sample'?"), error("s = sampel data 10"));
        assertTrue(error("a, b = sample data 10").contains("expected 'split' (only split makes several datasets)"));
    }
}
