package dev.assay.kernel.java;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rewrites stack frames of snippet code ({@code REPL.$JShell$12.f(#12:3)}) into the cells
 * and lines a user wrote ({@code at f (Cell In[4], line 7)}), and drops the reflection
 * frames below the snippet that only say how JShell called it.
 */
final class TracebackFormatter {

    /** Where a snippet came from: which cell, and the cell line its first line is on. */
    record Origin(String cellLabel, int firstLine) {
    }

    private final Map<String, Origin> origins = new ConcurrentHashMap<>();

    void remember(String snippetId, String cellLabel, int firstLine) {
        origins.put(snippetId, new Origin(cellLabel, firstLine));
    }

    List<String> frames(StackTraceElement[] trace) {
        int last = -1;
        for (int i = 0; i < trace.length; i++) {
            if (isSnippetFrame(trace[i])) {
                last = i;
            }
        }
        int end = last >= 0 ? last + 1 : trace.length;
        List<String> lines = new ArrayList<>(end);
        for (int i = 0; i < end; i++) {
            lines.add("    at " + describe(trace[i]));
        }
        return lines;
    }

    String describe(StackTraceElement frame) {
        if (!isSnippetFrame(frame)) {
            return frame.toString();
        }
        String where = location(frame);
        String method = frame.getMethodName();
        String owner = frame.getClassName().replaceFirst("^REPL\\.\\$JShell\\$\\d+\\$?", "").replace('$', '.');
        if (method.isEmpty() || method.startsWith("do_it$")) { // a statement at the cell's top level
            return where;
        }
        if (method.equals("<init>")) {
            method = "new " + owner;
        } else if (!owner.isEmpty()) {
            method = owner + "." + method;
        }
        return method + " (" + where + ")";
    }

    private String location(StackTraceElement frame) {
        String file = frame.getFileName();
        Origin origin = file != null && file.startsWith("#") ? origins.get(file.substring(1)) : null;
        if (origin == null) {
            return "snippet " + file + ", line " + frame.getLineNumber();
        }
        return origin.cellLabel() + ", line " + (origin.firstLine() + Math.max(frame.getLineNumber(), 1) - 1);
    }

    /** JShell reports snippet frames with a file name of {@code #ID} (and a class in package REPL). */
    private static boolean isSnippetFrame(StackTraceElement frame) {
        String file = frame.getFileName();
        return (file != null && file.startsWith("#")) || frame.getClassName().startsWith("REPL.");
    }
}
