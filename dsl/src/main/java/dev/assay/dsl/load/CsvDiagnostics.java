package dev.assay.dsl.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
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
        return "'" + (line.length() > 100 ? line.substring(0, 99) + "…" : line) + "'";
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
