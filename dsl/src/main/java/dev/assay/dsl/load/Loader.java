package dev.assay.dsl.load;

import dev.assay.dsl.engine.SqlDialect;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.engine.SqlException;
import dev.assay.dsl.naming.Excerpt;
import dev.assay.dsl.naming.Suggestions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns {@code load PATH with (options)} into the engine's reader call, checking the path and
 * every option by name and type first, and turns the engine's failures into messages that say
 * which file, which line and what to do. Every path and value reaches SQL as a quoted literal.
 */
public final class Loader {

    static final List<String> ENCODINGS = List.of("utf-8", "utf-16", "latin-1");
    /** DuckDB's words for a line over {@code max_line_size}: the line number, the limit, the line's size. */
    private static final Pattern LINE_TOO_LONG = Pattern.compile(
            "(?s)Line: (\\d+).*?Maximum line size of (\\d+) bytes exceeded\\. Actual Size:\\s*(\\d+)");

    /** A path that names its scheme, as Spark's readers take them. */
    private static final Pattern URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");

    private final SqlEngine engine;
    private final Path baseDirectory;

    public Loader(SqlEngine engine, Path baseDirectory) {
        this.engine = engine;
        this.baseDirectory = baseDirectory;
    }

    /** Checks the path and options; throws {@link LoadException} saying what is wrong. */
    public LoadPlan plan(String path, Map<String, Object> options) {
        Map<String, Object> opts = new LinkedHashMap<>();
        options.forEach((k, v) -> opts.put(k.toLowerCase(Locale.ROOT), v));
        // A URL (s3a://, hdfs://) is the engine's to read: no local file to check, resolve or inspect.
        boolean remote = URL.matcher(path).lookingAt();
        Path file = remote ? Path.of(path) : baseDirectory.resolve(path).normalize();
        String location = remote ? path : file.toString();
        boolean glob = remote || path.contains("*") || path.contains("?") || path.contains("[");
        FileFormat format = format(path, opts);
        checkOptions(format, opts);
        CsvCharacters.check(opts);
        if (!glob) {
            checkFile(path, file);
            if (format == FileFormat.CSV || format == FileFormat.TSV) {
                EncodingCheck.check(path, file, (String) opts.get("encoding"));
            }
        }
        char delimiter = opts.containsKey("delimiter") ? ((String) opts.get("delimiter")).charAt(0)
                : format == FileFormat.TSV ? '\t' : ',';
        Character quote = Character.valueOf('"');
        if (opts.containsKey("quote")) {
            String q = (String) opts.get("quote");
            quote = q.isEmpty() ? null : Character.valueOf(q.charAt(0));
        }
        String encoding = (String) opts.get("encoding");
        boolean ignoreErrors = Boolean.TRUE.equals(opts.get("ignore_errors"));
        SqlDialect sql = engine.dialect();
        boolean csv = format == FileFormat.CSV || format == FileFormat.TSV;
        boolean collectRejects = ignoreErrors && csv && sql.keepsCsvRejects();
        String call;
        try {
            call = switch (format) {
                case CSV, TSV -> sql.readCsv(location, csvOptions(sql, opts, delimiter, collectRejects));
                case PARQUET -> sql.readParquet(location);
                case JSON, NDJSON -> sql.readJson(location, format == FileFormat.NDJSON, ignoreErrors);
            };
        } catch (IllegalArgumentException e) {
            throw new LoadException("cannot load '" + path + "': " + e.getMessage(), e);
        }
        return new LoadPlan(path, file, glob, format, call, delimiter, quote, encoding, collectRejects);
    }

    /** The reader's options of a CSV load, named as {@link SqlDialect#readCsv} takes them, values as SQL literals. */
    private static Map<String, String> csvOptions(SqlDialect sql, Map<String, Object> opts, char delimiter,
            boolean collectRejects) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("delim", sql.quoteLiteral(String.valueOf(delimiter)));
        args.put("header", String.valueOf(opts.getOrDefault("header", true)));
        for (String text : List.of("quote", "escape")) {
            if (opts.containsKey(text)) {
                args.put(text, sql.quoteLiteral((String) opts.get(text)));
            }
        }
        if (opts.containsKey("null")) {
            args.put("nullstr", sql.quoteLiteral((String) opts.get("null")));
        }
        if (opts.containsKey("encoding")) {
            args.put("encoding", sql.quoteLiteral((String) opts.get("encoding")));
        }
        for (String count : List.of("skip", "sample_size", "max_line_size")) {
            if (opts.containsKey(count)) {
                args.put(count, String.valueOf(((Number) opts.get(count)).longValue()));
            }
        }
        if (Boolean.TRUE.equals(opts.get("ignore_errors"))) {
            args.put("ignore_errors", "true");
            if (collectRejects) {
                args.put("store_rejects", "true");
                args.put("rejects_table", sql.quoteLiteral(LoadPlan.REJECTS_TABLE));
                args.put("rejects_scan", sql.quoteLiteral(LoadPlan.REJECTS_SCAN));
            }
        }
        return args;
    }

    /** The message for a load the engine refused. */
    public LoadException explain(LoadPlan plan, SqlException failure) {
        String engineMessage = failure.getMessage();
        String where = "cannot load '" + plan.source() + "'";
        if (engineMessage.contains("No files found that match")) {
            return new LoadException("no file matches '" + plan.source() + "' (looked for " + plan.file() + ")", failure);
        }
        Matcher tooLong = LINE_TOO_LONG.matcher(engineMessage);
        if (tooLong.find()) {
            long limit = Long.parseLong(tooLong.group(2));
            // DuckDB's line number counts from where its reader was; the file's own count is the one to fix.
            long[] found = plan.glob() ? null : CsvDiagnostics.firstLineLongerThan(plan.file(), limit).orElse(null);
            String line = found != null ? String.valueOf(found[0]) : tooLong.group(1);
            long size = found != null ? found[1] : Long.parseLong(tooLong.group(3));
            return new LoadException(where + ": line " + line + " is " + String.format(Locale.ROOT, "%,d", size)
                    + " bytes long, more than the limit of " + String.format(Locale.ROOT, "%,d", limit)
                    + " bytes a line may have; raise the limit with (max_line_size=" + (size + 1) + ")", failure);
        }
        if ((plan.format() == FileFormat.CSV || plan.format() == FileFormat.TSV) && !plan.glob()) {
            Optional<String> found = CsvDiagnostics.explain(plan.file(), plan.delimiter(), plan.quote(),
                    CsvDiagnostics.charset(plan.encoding()));
            if (found.isPresent()) {
                return new LoadException(where + ": " + found.get()
                        + (found.get().contains("fields") ? ". Fix the row, or skip such rows with (ignore_errors=true)" : ""),
                        failure);
            }
        }
        return new LoadException(where + ": " + firstParagraph(engineMessage), failure);
    }

    /**
     * DuckDB's dialect sniffer can take a ragged last row for the header and load nothing
     * without an error. A CSV's first line says how many columns it has: when the loaded
     * table disagrees, the file is explained as if the load had failed.
     */
    public Optional<LoadException> verify(LoadPlan plan, int loadedColumns, boolean header) {
        if (plan.glob() || !(plan.format() == FileFormat.CSV || plan.format() == FileFormat.TSV)) {
            return Optional.empty();
        }
        int expected;
        try (var lines = Files.lines(plan.file(), CsvDiagnostics.charset(plan.encoding()))) {
            expected = lines.findFirst().map(l -> CsvDiagnostics.fields(l, plan.delimiter(), plan.quote())).orElse(0);
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty(); // undecodable: the load itself would have said so
        }
        if (!header || expected == loadedColumns) {
            return Optional.empty();
        }
        Optional<String> found = CsvDiagnostics.explain(plan.file(), plan.delimiter(), plan.quote(),
                CsvDiagnostics.charset(plan.encoding()));
        return Optional.of(new LoadException("cannot load '" + plan.source() + "': " + found.map(f -> f
                + ". Fix the row, or skip such rows with (ignore_errors=true)")
                .orElse("the first line has " + expected + " fields but " + loadedColumns + " columns were read")));
    }

    /** The engine's explanation without its dump of settings, each of its lines (a quoted row, say) cut to a readable length. */
    /**
     * What a load that worked should still tell: a CSV read as one column whose first line
     * splits at another common delimiter was most likely read with the wrong one.
     */
    public List<String> warnings(LoadPlan plan, int loadedColumns) {
        if (plan.glob() || loadedColumns != 1 || !(plan.format() == FileFormat.CSV || plan.format() == FileFormat.TSV)) {
            return List.of();
        }
        return CsvDiagnostics.betterDelimiter(plan.file(), plan.delimiter(), plan.quote(), CsvDiagnostics.charset(plan.encoding()))
                .map(better -> List.of("the first line is one column with delimiter " + shown(plan.delimiter()) + " but "
                        + better.getValue() + " columns with " + shown(better.getKey()) + ": if that is the delimiter, "
                        + "load with (delimiter=" + shown(better.getKey()) + ")"))
                .orElse(List.of());
    }

    private static String shown(char delimiter) {
        return delimiter == '\t' ? "'\\t'" : "'" + delimiter + "'";
    }

    private static String firstParagraph(String message) {
        String text = message.replaceFirst("^[A-Za-z ]+Error: ", "");
        int blank = text.indexOf("\n\n");
        String first = blank < 0 ? text : text.substring(0, blank);
        return first.lines().map(String::strip).filter(l -> !l.isEmpty()).map(Excerpt::of)
                .collect(Collectors.joining(" "));
    }

    private static FileFormat format(String path, Map<String, Object> opts) {
        Object named = opts.get("format");
        if (named != null) {
            if (!(named instanceof String s)) {
                throw new LoadException("option format must be a string: one of " + FileFormat.names());
            }
            return FileFormat.fromName(s).orElseThrow(() -> new LoadException("unknown format '" + s + "'"
                    + Suggestions.didYouMean(s, List.of("csv", "tsv", "parquet", "json", "ndjson"))
                    + "; known formats: " + FileFormat.names()));
        }
        return FileFormat.fromFileName(path).orElseThrow(() -> new LoadException("cannot tell the format of '" + path
                + "' from its name; add with (format='csv') or another of " + FileFormat.names()));
    }

    private static void checkOptions(FileFormat format, Map<String, Object> opts) {
        for (Map.Entry<String, Object> option : opts.entrySet()) {
            FileFormat.OptionType type = format.options().get(option.getKey());
            if (type == null) {
                throw new LoadException("unknown option '" + option.getKey() + "' for "
                        + format.name().toLowerCase(Locale.ROOT)
                        + Suggestions.didYouMean(option.getKey(), format.options().keySet())
                        + "; options: " + String.join(", ", format.options().keySet().stream().sorted().toList()));
            }
            Object v = option.getValue();
            boolean ok = switch (type) {
                case STRING -> v instanceof String;
                case CHARACTER -> v instanceof String s && s.length() == 1;
                case CHARACTER_OR_EMPTY -> v instanceof String s && s.length() <= 1;
                case BOOLEAN -> v instanceof Boolean;
                case COUNT -> v instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() == Math.rint(n.doubleValue());
            };
            if (!ok) {
                throw new LoadException("option " + option.getKey() + " must be " + type.description + ", got "
                        + (v instanceof String ? "'" + v + "'" : String.valueOf(v)));
            }
        }
        Object encoding = opts.get("encoding");
        if (encoding != null && !ENCODINGS.contains(((String) encoding).toLowerCase(Locale.ROOT))) {
            throw new LoadException("unknown encoding '" + encoding + "'" + Suggestions.didYouMean((String) encoding, ENCODINGS)
                    + "; supported: " + String.join(", ", ENCODINGS));
        }
    }

    private static void checkFile(String path, Path file) {
        if (!Files.exists(file)) {
            List<String> siblings = new ArrayList<>();
            Path dir = file.getParent();
            if (dir != null && Files.isDirectory(dir)) {
                try (Stream<Path> list = Files.list(dir)) {
                    list.forEach(p -> siblings.add(p.getFileName().toString()));
                } catch (IOException e) {
                    // no suggestion then
                }
            }
            throw new LoadException("no file '" + path + "' (looked for " + file + ")"
                    + Suggestions.didYouMean(file.getFileName().toString(), siblings));
        }
        if (Files.isDirectory(file)) {
            throw new LoadException("'" + path + "' is a directory; load its files with a glob such as '"
                    + path.replaceFirst("/?$", "/*.parquet") + "'");
        }
        if (!Files.isRegularFile(file)) {
            throw new LoadException("cannot load '" + path + "': it is not a regular file (a device, a pipe or a socket); "
                    + "load a file, or copy the data into one first");
        }
        try {
            if (Files.size(file) == 0) {
                throw new LoadException("cannot load '" + path + "': the file is empty");
            }
        } catch (IOException e) {
            throw new LoadException("cannot read '" + path + "': " + e.getMessage(), e);
        }
    }
}
