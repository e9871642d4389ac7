package dev.assay.dsl.load;

import dev.assay.dsl.naming.Excerpt;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds what is wrong in a CSV file DuckDB refused, in terms a user can act on: the first row
 * whose field count differs from the header's, or the first line that is not valid in the
 * encoding. Reads the file line by line; it runs only after a failure.
 */
final class CsvDiagnostics {

    private CsvDiagnostics() {
    }

    static Optional<String> explain(Path file, char delimiter, Character quote, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            String header = in.readLine();
            if (header == null) {
                return Optional.of("the file is empty");
            }
            int expected = fields(header, delimiter, quote);
            int lineNumber = 1;
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isEmpty()) {
                    continue;
                }
                int found = fields(line, delimiter, quote);
                if (found != expected) {
                    return Optional.of("line " + lineNumber + " has " + found + " fields where the first line has "
                            + expected + ": " + shorten(line));
                }
            }
            return Optional.empty();
        } catch (MalformedInputException e) {
            return Optional.of("it is not valid " + charset.name() + " (a byte sequence cannot be decoded); "
                    + "give its encoding, e.g. with (encoding='latin-1')");
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The first physical line of more than {@code limit} bytes (its line end included): its 1-based number and size. */
    static Optional<long[]> firstLineLongerThan(Path file, long limit) {
        try (var in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            long line = 1;
            long size = 0;
            int b;
            while ((b = in.read()) >= 0) {
                size++;
                if (b == '\n') {
                    if (size > limit) {
                        return Optional.of(new long[] {line, size});
                    }
                    line++;
                    size = 0;
                }
            }
            return size > limit ? Optional.of(new long[] {line, size}) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The delimiters a CSV commonly uses, tried when the one given splits nothing. */
    static final List<Character> COMMON_DELIMITERS = List.of(',', ';', '\t', '|');

    /**
     * When the first line does not split at {@code delimiter} but does at another common one,
     * that delimiter and how many fields it gives (the best of them).
     */
    static Optional<Map.Entry<Character, Integer>> betterDelimiter(Path file, char delimiter, Character quote, Charset charset) {
        String header;
        try (BufferedReader in = Files.newBufferedReader(file, charset)) {
            header = in.readLine();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
        if (header == null || fields(header, delimiter, quote) > 1) {
            return Optional.empty();
        }
        Map.Entry<Character, Integer> best = null;
        for (char other : COMMON_DELIMITERS) {
            int n = fields(header, other, quote);
            if (other != delimiter && n > 1 && (best == null || n > best.getValue())) {
                best = Map.entry(other, n);
            }
        }
        return Optional.ofNullable(best);
    }

    /** Fields on one physical line; a quoted field may hold the delimiter. */
    static int fields(String line, char delimiter, Character quote) {
        int count = 1;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != null && c == quote) {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                count++;
            }
        }
        return count;
    }

    private static String shorten(String line) {
        return "'" + Excerpt.of(line) + "'";
    }

    static Charset charset(String encoding) {
        if (encoding == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
