package dev.assay.dsl.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Where a statement may write a file it was told to write ({@code report ... to 'x.html'}):
 * <ul>
 * <li>a relative path resolves against the working folder (the notebook's) and must stay in
 * it, symbolic links followed; a file elsewhere is written only when named by an absolute path,
 * on purpose (a notebook parameter holding one counts: the person running it wrote it);</li>
 * <li>never inside the store of pinned versions, whose files are Assay's own;</li>
 * <li>only a regular file, new or replaced: an existing device, FIFO, socket or directory
 * (or a link to one) is refused, since the page is renamed over what is there.</li>
 * </ul>
 * Every check is made on real paths, so {@code ..}, links and other spellings cannot hide
 * where the file lands; the file is written at that real place.
 */
public record OutputRule(Path workingFolder, Path store) {

    public OutputRule {
        workingFolder = workingFolder.toAbsolutePath().normalize();
        store = store.toAbsolutePath().normalize();
    }

    /** The real file {@code written} (as the user wrote it) stands for, or why it may not be written. */
    public Path resolve(String written) {
        if (written == null || written.isBlank()) {
            throw new IllegalArgumentException("no file name given: write one, like 'report.html'");
        }
        try {
            return resolve(Path.of(written));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + written + "' is not a file name (" + e.getReason() + ")");
        }
    }

    /** As {@link #resolve(String)}, for a path given from Java. */
    public Path resolve(Path written) {
        Path target = written.isAbsolute() ? written.normalize() : workingFolder.resolve(written).normalize();
        Path real = realPath(target);
        if (!written.isAbsolute()) {
            Path folder = realPath(workingFolder);
            if (!target.startsWith(workingFolder) || !real.startsWith(folder)) {
                throw new IllegalArgumentException("'" + written + "' leads out of the working folder " + workingFolder
                        + " (to " + real + "); to write there on purpose, give the absolute path");
            }
        }
        checkTarget(real, written.toString());
        return real;
    }

    /**
     * Checks the real target again just before it is written: between the statement and the
     * write, what is at that path may have changed.
     */
    public void checkTarget(Path real, String written) {
        Path store = realPath(this.store);
        if (real.startsWith(store)) {
            throw new IllegalArgumentException("'" + written + "' is inside the store of pinned versions (" + store
                    + "), which only Assay writes: choose a file outside it");
        }
        if (Files.exists(real) && !Files.isRegularFile(real)) {
            throw new IllegalArgumentException("'" + written + "' is " + kind(real) + ", not a regular file: "
                    + "a report replaces only a file");
        }
        Path parent = real.getParent();
        if (parent != null && Files.exists(parent) && !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("'" + written + "' cannot be written: " + parent + " is not a folder");
        }
    }

    private static String kind(Path path) {
        if (Files.isDirectory(path)) {
            return "a folder";
        }
        try {
            Object type = Files.readAttributes(path, "unix:mode", LinkOption.NOFOLLOW_LINKS).get("mode");
            int format = ((Integer) type) & 0170000;
            return switch (format) {
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0010000 -> "a FIFO (named pipe)";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
    }

    /**
     * The path with every symbolic link resolved: the real path of its longest existing
     * beginning, followed by the rest (which does not exist yet, so holds no links).
     */
    static Path realPath(Path absolute) {
        Path existing = absolute;
        Path rest = null;
        while (existing != null && !Files.exists(existing)) {
            Path name = existing.getFileName();
            rest = rest == null ? name : name.resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            Path real = existing.toRealPath();
            return rest == null ? real : real.resolve(rest).normalize();
        } catch (IOException e) {
            return absolute; // vanished meanwhile: the write itself will say what is wrong
        }
    }
}
