package dev.assay.dsl.load;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The file formats {@code load} reads, the options each accepts, and how each option is typed. */
public enum FileFormat {

    CSV(Map.ofEntries(Map.entry("delimiter", OptionType.CHARACTER), Map.entry("quote", OptionType.CHARACTER_OR_EMPTY),
            Map.entry("escape", OptionType.CHARACTER_OR_EMPTY), Map.entry("header", OptionType.BOOLEAN),
            Map.entry("null", OptionType.STRING), Map.entry("encoding", OptionType.STRING),
            Map.entry("ignore_errors", OptionType.BOOLEAN), Map.entry("skip", OptionType.COUNT),
            Map.entry("sample_size", OptionType.COUNT), Map.entry("format", OptionType.STRING),
            Map.entry("max_line_size", OptionType.COUNT))),
    TSV(CSV.options),
    PARQUET(Map.of("format", OptionType.STRING)),
    JSON(Map.of("ignore_errors", OptionType.BOOLEAN, "format", OptionType.STRING)),
    NDJSON(JSON.options);

    /** How an option's value is checked. */
    public enum OptionType {
        STRING("a string"), CHARACTER("a single character"), CHARACTER_OR_EMPTY("one character or ''"),
        BOOLEAN("true or false"), COUNT("a whole number of 0 or more");

        final String description;

        OptionType(String description) {
            this.description = description;
        }
    }

    final Map<String, OptionType> options;

    FileFormat(Map<String, OptionType> options) {
        this.options = options;
    }

    public Map<String, OptionType> options() {
        return options;
    }

    /** The format a file name says (compression suffixes ignored), if any. */
    public static Optional<FileFormat> fromFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT).replaceFirst("\\.(gz|zst)$", "");
        int dot = n.lastIndexOf('.');
        String ext = dot < 0 ? "" : n.substring(dot + 1);
        return switch (ext) {
            case "csv", "txt" -> Optional.of(CSV);
            case "tsv", "tab" -> Optional.of(TSV);
            case "parquet", "pq" -> Optional.of(PARQUET);
            case "json" -> Optional.of(JSON);
            case "ndjson", "jsonl" -> Optional.of(NDJSON);
            default -> Optional.empty();
        };
    }

    public static Optional<FileFormat> fromName(String name) {
        return Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
    }

    public static String names() {
        return "csv, tsv, parquet, json, ndjson";
    }
}
