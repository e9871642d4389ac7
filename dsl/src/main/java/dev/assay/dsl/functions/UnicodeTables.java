package dev.assay.dsl.functions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The character data of {@link TextNormalizer}, fixed in resource files taken from DuckDB
 * (bench/functions/gen_tables.py) rather than from {@link Character}: each Java release brings
 * a newer Unicode version, and the same code must give the same text on every JVM of a cluster
 * and in DuckDB.
 */
final class UnicodeTables {

    /** Code point to its lower case, where it differs. */
    static final Map<Integer, Integer> LOWER = pairs("lower.txt");
    /** Sorted, inclusive [start, end] pairs, flattened. */
    static final int[] PUNCTUATION = ranges("punctuation.txt");
    static final int[] SPACE = ranges("space.txt");

    private UnicodeTables() {
    }

    static boolean in(int[] ranges, int codePoint) {
        // Index of the first start greater than codePoint, among the starts (even positions).
        int low = 0;
        int high = ranges.length / 2;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (ranges[2 * mid] <= codePoint) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low > 0 && codePoint <= ranges[2 * (low - 1) + 1];
    }

    private static Map<Integer, Integer> pairs(String resource) {
        Map<Integer, Integer> out = new HashMap<>();
        for (String line : lines(resource)) {
            String[] p = line.split(" ");
            out.put(Integer.parseInt(p[0], 16), Integer.parseInt(p[1], 16));
        }
        return Map.copyOf(out);
    }

    private static int[] ranges(String resource) {
        String[] lines = lines(resource);
        int[] out = new int[2 * lines.length];
        for (int i = 0; i < lines.length; i++) {
            String[] p = lines[i].split("-");
            out[2 * i] = Integer.parseInt(p[0], 16);
            out[2 * i + 1] = Integer.parseInt(p[1], 16);
        }
        return out;
    }

    private static String[] lines(String resource) {
        try (InputStream in = UnicodeTables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " of " + UnicodeTables.class.getPackageName());
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            return reader.lines().filter(l -> !l.isEmpty() && !l.startsWith("#")).toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
