package dev.assay.dsl.duplicates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.SharedData;
import dev.assay.dsl.engine.OrderedSource;
import dev.assay.dsl.engine.WorkTable;
import dev.assay.dsl.workspace.Workspace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Near duplicates of the SMS Spam Collection against a brute force: the exact Jaccard
 * similarity of every pair of distinct normalized messages, computed here with plain string
 * sets and a normalization written independently of the SQL one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NearDuplicatesTest {

    private static final Pattern PUNCTUATION = Pattern.compile("\\p{P}");
    private static final Pattern SPACE = Pattern.compile("[\\t\\n\\x0B\\f\\r\\p{Z}]+");

    private Workspace ws;
    /** Distinct normalized texts in order of first occurrence, and their shingle sets. */
    private List<String> texts;
    private List<Set<String>> shingles;

    @BeforeAll
    void load() {
        ws = Workspace.embedded();
        ws.load(SharedData.file("sms_spam.tsv").toString(), "sms", Map.of("delimiter", "\t", "quote", "", "header", true));
        Set<String> distinct = new LinkedHashSet<>();
        for (List<Object> row : ws.engine().smallResult("SELECT SMS FROM sms ORDER BY rowid")) {
            distinct.add(normalize((String) row.get(0)));
        }
        texts = new ArrayList<>(distinct);
        shingles = texts.stream().map(NearDuplicatesTest::shingleSet).toList();
    }

    @AfterAll
    void close() {
        ws.close();
    }

    static String normalize(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        return SPACE.matcher(PUNCTUATION.matcher(lower).replaceAll("")).replaceAll(" ").strip();
    }

    static Set<String> shingleSet(String text) {
        int[] cps = text.codePoints().toArray();
        Set<String> out = new HashSet<>();
        if (cps.length < 5) {
            out.add(text);
            return out;
        }
        for (int i = 0; i + 5 <= cps.length; i++) {
            out.add(new String(cps, i, 5));
        }
        return out;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int common = 0;
        for (String s : small) {
            if (large.contains(s)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 0.7, 0.9})
    void findsTheBruteForcePairsAndNoPairBelowTheThreshold(double threshold) {
        Set<Long> truth = new HashSet<>();
        for (int i = 0; i < texts.size(); i++) {
            Set<String> a = shingles.get(i);
            for (int j = i + 1; j < texts.size(); j++) {
                Set<String> b = shingles.get(j);
                // |A∩B| <= min, so J <= min/max: skip pairs whose sizes alone rule them out.
                if ((double) Math.min(a.size(), b.size()) / Math.max(a.size(), b.size()) < threshold) {
                    continue;
                }
                if (jaccard(a, b) >= threshold) {
                    truth.add((long) i << 32 | j);
                }
            }
        }
        assertTrue(truth.size() >= 20, "the data set has near duplicates at " + threshold + ": " + truth.size());

        Set<Long> found = new HashSet<>();
        List<String> below = new ArrayList<>();
        try (OrderedSource source = OrderedSource.of(ws.engine(), "sms");
             WorkTable docs = NearDocs.of(ws.engine(), source, "SMS")) {
            List<String> docTexts = ws.engine().smallResult("SELECT text FROM " + docs.quoted() + " ORDER BY doc")
                    .stream().map(r -> (String) r.get(0)).toList();
            assertEquals(texts, docTexts, "the SQL normalization and the reference agree on every message");
            new NearPairs(ws.engine(), LshBanding.forThreshold(threshold)).find(docs, docTexts.size(), threshold,
                    (x, y, s) -> {
                        found.add(x << 32 | y);
                        if (jaccard(shingles.get((int) x), shingles.get((int) y)) < threshold) {
                            below.add(texts.get((int) x) + " ~ " + texts.get((int) y));
                        }
                    });
        }
        assertEquals(List.of(), below, "no reported pair is below the threshold");
        long caught = truth.stream().filter(found::contains).count();
        double recall = (double) caught / truth.size();
        assertTrue(recall >= 0.95, "recall " + recall + " (" + caught + " of " + truth.size() + ") at " + threshold);
        assertTrue(truth.containsAll(found), "every reported pair is a true pair");
        System.out.printf("near %.1f: %d true pairs, recall %.4f%n", threshold, truth.size(), recall);
    }
}
