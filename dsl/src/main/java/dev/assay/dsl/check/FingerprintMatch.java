package dev.assay.dsl.check;

import java.util.List;
import java.util.function.Supplier;

/**
 * {@code fingerprint}: the content fingerprint, compared with {@code 'sha256:…'} or a pinned
 * version {@code 'label@N'} by {@code =} or {@code !=}; 1 when they are equal, else 0.
 */
public record FingerprintMatch() implements Measure {

    @Override
    public String name() {
        return "fingerprint";
    }

    @Override
    public List<String> arguments() {
        return List.of();
    }

    @Override
    public boolean isFingerprint() {
        return true;
    }

    @Override
    public Reading plan(Rule rule, CheckTarget data) {
        String expected = data.expectedFingerprint(rule.expected()); // now: an unknown version stops the check unread
        Supplier<String> actual = data.fingerprint();
        return () -> RuleOutcome.fingerprint(rule, actual.get(), expected);
    }
}
