package dev.assay.dsl.duplicates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.engine.OrderedSource;
import dev.assay.dsl.engine.WorkTable;
import dev.assay.dsl.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Recall of near-duplicate clusters on planted pairs: a random corpus, pairs planted with a
 * range of Jaccard similarities (letters of a text changed), and a templated block (one
 * sentence with a six-digit code) large enough to make oversized LSH buckets, shuffled
 * together. The truth is a brute force over every pair with plain string shingle sets,
 * written here independently of {@link Shingles}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlantedPairsRecallTest {

    private static final int RANDOM_TEXTS = 2_500;
    private static final int PLANTED_PAIRS = 400;
    private static final int TEMPLATED = 600;

    private Workspace ws;
    private Path dir;
    /** The documents' (normalized) texts in document order, and the templated ones among them. */
    private List<String> texts;
    private Set<Integer> templated;
    /** Every pair (i, j), i < j, with a similarity of at least 0.5, and that similarity. */
    private final Map<Long, Double> similarPairs = new HashMap<>();

    @BeforeAll
    void plant() throws Exception {
        Random random = new Random(20_261_206);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            StringBuilder w = new StringBuilder();
            for (int k = 3 + random.nextInt(6); k > 0; k--) {
                w.append((char) ('a' + random.nextInt(26)));
            }
            words.add(w.toString());
        }
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < RANDOM_TEXTS; i++) {
            rows.add(sentence(random, words, 12));
        }
        for (int i = 0; i < PLANTED_PAIRS; i++) {
            String[] base = sentence(random, words, 30).split(" ");
            rows.add(String.join(" ", base));
            for (int k = 1 + i % 12; k > 0; k--) { // 1 to 12 letters changed: similarities from about 0.95 down to 0.5
                int w = random.nextInt(base.length);
                char[] letters = base[w].toCharArray();
                letters[random.nextInt(letters.length)] = (char) ('a' + random.nextInt(26));
                base[w] = new String(letters);
            }
            rows.add(String.join(" ", base));
        }
        Set<String> codes = new HashSet<>();
        while (codes.size() < TEMPLATED) {
            codes.add(String.format("%06d", random.nextInt(1_000_000)));
        }
        for (String code : codes) {
            rows.add("your verification code is " + code + " do not share it with anyone our staff will never ask for it");
        }
        Collections.shuffle(rows, random);
        dir = Files.createTempDirectory("planted-");
        Path csv = dir.resolve("corpus.csv");
        Files.writeString(csv, "msg\n" + String.join("\n", rows) + "\n");

        ws = Workspace.embedded();
        ws.load(csv.toString(), "corpus", Map.of("header", true));
        try (OrderedSource source = OrderedSource.of(ws.engine(), "corpus");
             WorkTable docs = NearDocs.of(ws.engine(), source, "msg")) {
            texts = ws.engine().smallResult("SELECT text FROM " + docs.quoted() + " ORDER BY doc").stream()
                    .map(r -> (String) r.get(0)).toList();
        }
        templated = new HashSet<>();
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).startsWith("your verification code is ")) {
                templated.add(i);
            }
        }
        assertEquals(TEMPLATED, templated.size());
        List<Set<String>> shingles = texts.stream().map(NearDuplicatesTest::shingleSet).toList();
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                double s = NearDuplicatesTest.jaccard(shingles.get(i), shingles.get(j));
                if (s >= 0.5) {
                    similarPairs.put((long) i << 32 | j, s);
                }
            }
        }
    }

    private static String sentence(Random random, List<String> words, int length) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            out.add(words.get(random.nextInt(words.size())));
        }
        return String.join(" ", out);
    }

    @AfterAll
    void close() throws Exception {
        ws.close();
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 0.7, 0.9})
    void clustersHoldTheBruteForcePairsAndJoinNothingElse(double threshold) {
        List<long[]> truth = similarPairs.entrySet().stream().filter(e -> e.getValue() >= threshold)
                .map(e -> new long[] {e.getKey() >>> 32, e.getKey() & 0xffffffffL}).toList();
        int[] component = components(truth);

        Map<Long, Long> cluster = new HashMap<>();
        try (OrderedSource source = OrderedSource.of(ws.engine(), "corpus");
             WorkTable docs = NearDocs.of(ws.engine(), source, "msg");
             WorkTable clusters = new DuplicateFinder(ws.engine()).clusters(docs, LshBanding.forThreshold(threshold), threshold)) {
            for (List<Object> row : ws.engine().smallResult("SELECT doc, root FROM " + clusters.quoted())) {
                cluster.put(((Number) row.get(0)).longValue(), ((Number) row.get(1)).longValue());
            }
        }
        LongUnaryOperator clusterOf = d -> cluster.getOrDefault(d, d);

        long caught = truth.stream().filter(p -> clusterOf.applyAsLong(p[0]) == clusterOf.applyAsLong(p[1])).count();
        double recall = (double) caught / truth.size();
        long planted = truth.stream().filter(p -> !templated.contains((int) p[0])).count();
        long plantedCaught = truth.stream().filter(p -> !templated.contains((int) p[0])
                && clusterOf.applyAsLong(p[0]) == clusterOf.applyAsLong(p[1])).count();
        System.out.printf("planted pairs at %.1f: %d true pairs (%d outside the template), recall %.4f (%.4f outside)%n",
                threshold, truth.size(), planted, recall, (double) plantedCaught / planted);
        assertTrue(planted >= 50, "enough planted pairs above " + threshold + ": " + planted);
        assertTrue((double) plantedCaught / planted >= 0.95, "recall on planted pairs " + plantedCaught + " of " + planted);
        assertTrue(recall >= 0.95, "recall " + caught + " of " + truth.size());

        // No cluster joins texts that no chain of pairs at or above the threshold joins.
        Map<Long, Integer> componentOfCluster = new HashMap<>();
        for (Map.Entry<Long, Long> e : cluster.entrySet()) {
            Integer seen = componentOfCluster.putIfAbsent(e.getValue(), component[(int) (long) e.getKey()]);
            assertTrue(seen == null || seen == component[(int) (long) e.getKey()],
                    "cluster " + e.getValue() + " spans two components of the brute force");
        }
        // The templated block is one component in the brute force at 0.5 and 0.7: it must be one cluster.
        Set<Integer> templateComponents = new HashSet<>();
        Set<Long> templateClusters = new HashSet<>();
        for (int doc : templated) {
            templateComponents.add(component[doc]);
            templateClusters.add(clusterOf.applyAsLong(doc));
        }
        if (templateComponents.size() == 1) {
            assertEquals(1, templateClusters.size(), "the templated block is one cluster at " + threshold);
        }
    }

    /**
     * The templated block is linked through representatives, not pair by pair: a sink that
     * links nothing still receives far fewer pairs than the block's n²/2 similar pairs.
     */
    @Test
    void theTemplatedBlockIsNotComparedPairByPair() {
        long templatePairs = similarPairs.entrySet().stream()
                .filter(e -> e.getValue() >= 0.7 && templated.contains((int) (e.getKey() >>> 32))).count();
        AtomicLong reported = new AtomicLong();
        try (OrderedSource source = OrderedSource.of(ws.engine(), "corpus");
             WorkTable docs = NearDocs.of(ws.engine(), source, "msg")) {
            new NearPairs(ws.engine(), LshBanding.forThreshold(0.7)).find(docs, texts.size(), 0.7,
                    (x, y, s) -> reported.incrementAndGet());
        }
        System.out.printf("templated block: %d similar pairs; %d pairs reported in all%n", templatePairs, reported.get());
        assertTrue(reported.get() * 4 < templatePairs, reported.get() + " pairs reported, " + templatePairs + " in the block");
    }

    /**
     * {@code leakage ... near} over the corpus cut in two (even and odd rows), the templated
     * block on both sides: the rows of the right half with a text of the left half at or above
     * the threshold, against the brute force.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.5, 0.7})
    void leakageFindsTheRightRowsWithALeftPartner(double threshold) {
        ws.query("SELECT * FROM corpus WHERE rowid % 2 = 0", "left_half");
        ws.query("SELECT * FROM corpus WHERE rowid % 2 = 1", "right_half");
        Map<String, Integer> doc = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            doc.put(texts.get(i), i);
        }
        Set<Integer> leftDocs = new HashSet<>();
        for (List<Object> row : ws.engine().smallResult("SELECT msg FROM left_half")) {
            leftDocs.add(doc.get((String) row.get(0)));
        }
        Set<Integer> partnered = new HashSet<>(leftDocs);
        similarPairs.forEach((pair, similarity) -> {
            int a = (int) (pair >>> 32);
            int b = (int) (pair & 0xffffffffL);
            if (similarity >= threshold && leftDocs.contains(a)) {
                partnered.add(b);
            }
            if (similarity >= threshold && leftDocs.contains(b)) {
                partnered.add(a);
            }
        });
        long expected = ws.engine().smallResult("SELECT msg FROM right_half").stream()
                .filter(r -> partnered.contains(doc.get((String) r.get(0)))).count();
        long found = ws.dataset("left_half").leakage(ws.dataset("right_half"), Match.on("msg").near(threshold)).nearOverlapRows();
        System.out.printf("leakage at %.1f: %d of %d right rows expected, %d found%n", threshold, expected,
                ws.dataset("right_half").count(), found);
        assertTrue(found <= expected, "no right row is counted without a left partner: " + found + " > " + expected);
        assertTrue(found >= 0.95 * expected, "leakage recall " + found + " of " + expected);
    }

    /** Connected components of the true pairs, by a union-find of the test's own. */
    private int[] components(List<long[]> pairs) {
        int[] parent = new int[texts.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (long[] p : pairs) {
            int a = root(parent, (int) p[0]);
            int b = root(parent, (int) p[1]);
            parent[Math.max(a, b)] = Math.min(a, b);
        }
        int[] out = new int[parent.length];
        for (int i = 0; i < parent.length; i++) {
            out[i] = root(parent, i);
        }
        return out;
    }

    private static int root(int[] parent, int x) {
        while (parent[x] != x) {
            x = parent[x] = parent[parent[x]];
        }
        return x;
    }
}
