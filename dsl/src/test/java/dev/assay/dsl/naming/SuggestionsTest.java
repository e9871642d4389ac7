package dev.assay.dsl.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void typosFindTheirWord() {
        List<String> columns = List.of("label", "text", "user_id", "timestamp");
        assertEquals(Optional.of("label"), Suggestions.closest("lable", columns), "a swap");
        assertEquals(Optional.of("text"), Suggestions.closest("txt", columns), "a deletion");
        assertEquals(Optional.of("user_id"), Suggestions.closest("USER_ID", columns), "case");
        assertEquals(Optional.of("timestamp"), Suggestions.closest("timestmp", columns));
    }

    @Test
    void farWordsSuggestNothing() {
        assertEquals(Optional.empty(), Suggestions.closest("price", List.of("label", "text")));
        assertEquals(Optional.empty(), Suggestions.closest("x", List.of()));
    }

    @Test
    void distanceCountsEdits() {
        assertEquals(0, Suggestions.distance("abc", "abc"));
        assertEquals(1, Suggestions.distance("abc", "acb"));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
    }

    /** Issue 20 item 10: 'fair' for 'fare' is two edits, a typo all the same. */
    @Test
    void fourLetterWordsAllowTwoEdits() {
        assertEquals(Optional.of("fare"), Suggestions.closest("fair", List.of("survived", "pclass", "fare", "embarked")));
        assertEquals(Optional.empty(), Suggestions.closest("ab", List.of("xy")), "short words: one edit at most");
    }

    @Test
    void anUnknownColumnNamesTheClosestOrListsTheColumns() {
        assertEquals("no column 'fair' in t; did you mean 'fare'?", Suggestions.noColumn("fair", "t", List.of("age", "fare")));
        assertEquals("no column 'price' in t; its columns: age, fare", Suggestions.noColumn("price", "t", List.of("age", "fare")));
        List<String> many = IntStream.range(0, 25).mapToObj(i -> "column_" + i).toList();
        assertEquals(true, Suggestions.noColumn("zzz", "t", many).endsWith("column_19 and 5 more"));
    }
}
