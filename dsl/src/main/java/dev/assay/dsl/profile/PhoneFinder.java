package dev.assay.dsl.profile;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.arrow.vector.VarCharVector;

/**
 * Whether a text holds a phone number, as libphonenumber finds them (a number valid for its
 * region, written in a national form of one of the regions given or in international form).
 * A match counts only when it holds {@link #CANDIDATE}: at least seven digits, so that SMS
 * short codes and the one-to-six-digit numbers the library accepts in some regions are not
 * taken for phone numbers, and so that the SQL pre-filter built from the same pattern never
 * drops a value this class would count. Matches that are dotted look-alikes are refused.
 */
public final class PhoneFinder {

    /**
     * Seven digits 0-9, each pair apart by at most four characters that are neither ASCII
     * letters nor digits (the library allows at most four punctuation characters between
     * digit groups). RE2 and java.util.regex read it alike. ASCII classes, because RE2 with
     * Unicode classes ({@code \\p{Nd}}, {@code \\p{L}}) was 50 times slower on a million values.
     */
    public static final String CANDIDATE = "[0-9]([^0-9A-Za-z]{0,4}[0-9]){6}";

    /** The region libphonenumber reads as "none": only numbers with a leading + are found. */
    private static final String INTERNATIONAL_ONLY = "ZZ";
    private static final Pattern CANDIDATE_PATTERN = Pattern.compile(CANDIDATE);
    /**
     * Dotted digit runs the library accepts as numbers but people write for other things: a
     * decimal number (one dot), an IPv4 address, a date like 14.06.1976. Measured on the
     * labelled sample (docs/pii.md), refusing them costs no phone number and removes about a
     * third of the false positives.
     */
    private static final Pattern DOTTED_LOOKALIKE =
            Pattern.compile("\\d+\\.\\d+|\\d{1,3}(\\.\\d{1,3}){3}|\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}");

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final List<String> regions;

    public PhoneFinder(PhoneRegions regions) {
        this.regions = regions.codes().isEmpty() ? List.of(INTERNATIONAL_ONLY) : regions.codes();
    }

    /** True when {@code text} holds at least one phone number; safe to call from several threads. */
    public boolean holdsPhone(String text) {
        if (!CANDIDATE_PATTERN.matcher(text).find()) {
            return false;
        }
        for (String region : regions) {
            for (PhoneNumberMatch match : util.findNumbers(text, region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
                String raw = match.rawString();
                if (CANDIDATE_PATTERN.matcher(raw).find() && !DOTTED_LOOKALIKE.matcher(raw).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Per value of {@code texts}, whether it holds a phone number (false for NULL). The
     * library's work is the cost here, so the values are spread over the cores.
     */
    public boolean[] holdPhones(VarCharVector texts) {
        boolean[] holds = new boolean[texts.getValueCount()];
        IntStream.range(0, holds.length).parallel().forEach(r -> holds[r] = !texts.isNull(r)
                && holdsPhone(new String(texts.get(r), StandardCharsets.UTF_8)));
        return holds;
    }
}
