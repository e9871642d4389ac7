package dev.assay.kernel.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryTest {

    private static History sample() {
        History h = new History();
        h.add(1, "6*7", "42");
        h.add(2, "x = 1", null);
        h.add(3, "6*7", "42");
        h.add(4, "6*8", "48");
        return h;
    }

    private static List<Integer> lines(List<History.Entry> entries) {
        return entries.stream().map(History.Entry::line).toList();
    }

    @Test
    void tailReturnsTheLastN() {
        assertEquals(List.of(3, 4), lines(sample().tail(2)));
        assertEquals(List.of(1, 2, 3, 4), lines(sample().tail(10)));
    }

    @Test
    void rangeIsHalfOpenAndKnowsTheSession() {
        assertEquals(List.of(2, 3), lines(sample().range(History.SESSION, 2, 4)));
        assertEquals(List.of(2, 3, 4), lines(sample().range(0, 2, 0)));
        assertEquals(List.of(), lines(sample().range(History.SESSION + 1, 1, 5)));
    }

    @Test
    void searchMatchesGlobsUniqueAndLimited() {
        assertEquals(List.of(1, 3, 4), lines(sample().search("6*", 0, false)));
        assertEquals(List.of(3, 4), lines(sample().search("6*", 0, true)));
        assertEquals(List.of(4), lines(sample().search("6*", 1, false)));
        assertEquals(List.of(4), lines(sample().search("6?8", 0, false)));
        assertEquals(List.of(), lines(sample().search("6", 0, false)));
    }
}
