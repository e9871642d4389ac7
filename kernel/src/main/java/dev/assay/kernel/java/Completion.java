package dev.assay.kernel.java;

import java.util.List;

/** Completion candidates replacing the text between {@code start} and {@code end} (UTF-16 offsets). */
public record Completion(List<String> matches, int start, int end) {
}
