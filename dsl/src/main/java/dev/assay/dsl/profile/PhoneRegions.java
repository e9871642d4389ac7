package dev.assay.dsl.profile;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.assay.dsl.naming.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The regions (ISO 3166 codes, as libphonenumber names them) whose national phone formats a
 * profile recognizes, like {@code 0161 496 0000} for GB. Numbers written in international form
 * ({@code +44 161 496 0000}) are recognized from every region whatever this list holds, so an
 * empty list recognizes international numbers only. Each region added costs one more pass
 * of the library over each candidate value and admits more digit runs as numbers.
 */
public final class PhoneRegions {

    /**
     * The default: the regions whose numbers are commonest in English-language data sets,
     * plus the largest European and Latin-American ones (see docs/pii.md for why and for what
     * this costs in precision).
     */
    public static final List<String> DEFAULT_CODES = List.of("US", "GB", "IN", "AU", "DE", "FR", "ES", "IT", "BR", "MX");

    private static final PhoneRegions DEFAULTS = new PhoneRegions(DEFAULT_CODES);

    private final List<String> codes;

    private PhoneRegions(List<String> codes) {
        this.codes = List.copyOf(codes);
    }

    public static PhoneRegions defaults() {
        return DEFAULTS;
    }

    /** Regions from text like {@code 'GB, US'} (case does not matter); {@code ''} means international numbers only. */
    public static PhoneRegions parse(String commaSeparated) {
        List<String> codes = new ArrayList<>();
        for (String part : commaSeparated.split(",", -1)) {
            String code = part.strip();
            if (!code.isEmpty()) {
                codes.add(code);
            } else if (!commaSeparated.isBlank()) {
                throw new IllegalArgumentException("phone_regions '" + commaSeparated
                        + "' has an empty entry: write region codes separated by commas, like 'GB,US'");
            }
        }
        return of(codes);
    }

    /** Regions from their codes, like {@code of(List.of("GB", "US"))}; an unknown code is refused with the closest known one. */
    public static PhoneRegions of(List<String> codes) {
        Set<String> known = PhoneNumberUtil.getInstance().getSupportedRegions();
        List<String> checked = new ArrayList<>();
        for (String code : codes) {
            String upper = code.strip().toUpperCase(Locale.ROOT);
            if (upper.equals("UK")) {
                throw new IllegalArgumentException("'" + code + "' is not a region code: the United Kingdom is 'GB'");
            }
            if (!known.contains(upper)) {
                throw new IllegalArgumentException("'" + code + "' is not a region code libphonenumber knows"
                        + Suggestions.didYouMean(upper, known) + " (two-letter ISO 3166 codes, like 'GB', 'US', 'IN')");
            }
            if (!checked.contains(upper)) {
                checked.add(upper);
            }
        }
        return new PhoneRegions(checked);
    }

    /** The codes, upper case, in the order given, without repeats. */
    public List<String> codes() {
        return codes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhoneRegions other && other.codes.equals(codes);
    }

    @Override
    public int hashCode() {
        return codes.hashCode();
    }

    @Override
    public String toString() {
        return String.join(",", codes);
    }
}
