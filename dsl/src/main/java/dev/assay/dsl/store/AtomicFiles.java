package dev.assay.dsl.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes that a crash cannot leave half done: a file is written aside, flushed to disk, and
 * renamed over its final name in one step; the directory is flushed so that the rename itself
 * survives a power cut. Readers see the old file or the new one, never a part.
 */
final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Flushes {@code written} (complete, in the same file system) and renames it to {@code target}. */
    static void moveIntoPlace(Path written, Path target) throws IOException {
        force(written);
        try {
            Files.move(written, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + target.getParent() + " cannot rename atomically", e);
        }
        forceDirectory(target.getParent());
    }

    /** Writes {@code bytes} to {@code aside} and moves them into place as {@code target}. */
    static void write(Path aside, Path target, byte[] bytes) throws IOException {
        Files.write(aside, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        moveIntoPlace(aside, target);
    }

    static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Makes a rename or removal in {@code directory} durable (a no-op where directories cannot be opened). */
    static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some systems cannot open directories; the rename is still atomic, only less durable.
        }
    }
}
