package dev.assay.dsl.duplicates;

import java.util.HashMap;
import java.util.Map;

/** Disjoint sets of document numbers, holding only the documents that were ever joined (few, usually). */
final class UnionFind {

    private final Map<Long, Long> parent = new HashMap<>();

    void union(long a, long b) {
        long ra = find(a);
        long rb = find(b);
        if (ra != rb) {
            // The smaller number becomes the root: a cluster is named by its earliest document.
            parent.put(Math.max(ra, rb), Math.min(ra, rb));
        }
    }

    long find(long x) {
        long root = x;
        Long p;
        while ((p = parent.get(root)) != null) {
            root = p;
        }
        while (x != root) { // path compression
            long next = parent.get(x);
            parent.put(x, root);
            x = next;
        }
        return root;
    }

    /** Every joined document and the root of its set. */
    Map<Long, Long> roots() {
        Map<Long, Long> out = new HashMap<>();
        for (Long x : parent.keySet()) {
            long root = find(x);
            out.put(x, root);
            out.put(root, root);
        }
        return out;
    }
}
