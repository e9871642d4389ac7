package dev.assay.kernel.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The inputs (and plain-text outputs) of this session's cells, for history requests.
 * The session is numbered 1; as in IPython, session 0 and negative numbers mean "this one".
 */
public final class History {

    public static final int SESSION = 1;

    /** One executed cell; {@code output} is the plain text of its result, or null. */
    public record Entry(int session, int line, String input, String output) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public synchronized void add(int line, String input, String output) {
        entries.add(new Entry(SESSION, line, input, output));
    }

    public synchronized List<Entry> tail(int n) {
        int from = Math.max(0, entries.size() - Math.max(0, n));
        return List.copyOf(entries.subList(from, entries.size()));
    }

    /** Lines {@code start} (inclusive) to {@code stop} (exclusive); stop 0 or less means to the end. */
    public synchronized List<Entry> range(int session, int start, int stop) {
        if (session > 0 && session != SESSION) {
            return List.of();
        }
        return entries.stream()
                .filter(e -> e.line() >= start && (stop <= 0 || e.line() < stop))
                .toList();
    }

    /** Cells whose input matches a glob ({@code *} any text, {@code ?} one character), newest last. */
    public synchronized List<Entry> search(String glob, int n, boolean unique) {
        Pattern pattern = globToRegex(glob);
        List<Entry> found = entries.stream().filter(e -> pattern.matcher(e.input()).matches()).toList();
        if (unique) {
            Map<String, Entry> latest = new LinkedHashMap<>();
            for (Entry e : found) {
                latest.remove(e.input());
                latest.put(e.input(), e);
            }
            found = List.copyOf(latest.values());
        }
        if (n > 0 && found.size() > n) {
            found = found.subList(found.size() - n, found.size());
        }
        return List.copyOf(found);
    }

    static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
