package dev.assay.dsl.store;

import dev.assay.dsl.naming.Suggestions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A directory of pinned versions (docs/versions.md):
 * <pre>
 *   lock                      held by the one process writing
 *   labels/LABEL.json         the versions of a label, replaced whole by rename
 *   snapshots/HEX.parquet     content, named by its fingerprint; never changed once in place
 *   metrics/HEX.json          the profile statistics of that content (docs/versions.md, "Metrics")
 *   checks/HEX.json           the outcomes of the checks run on that content
 *   tmp/                      writes in progress (cleared by the next writer)
 * </pre>
 * Readers take no lock: every file they can see is complete. Writers hold {@link StoreLock}
 * and write aside in {@code tmp/} before renaming, so a crash at any point leaves the store as
 * it was or with an extra, unreferenced snapshot or metrics file that {@link #gc} removes.
 */
public final class VersionStore {

    public static final String ENVIRONMENT = "ASSAY_STORE";
    public static final String DEFAULT_DIRECTORY = ".assay";
    private static final Duration LOCK_PATIENCE = Duration.ofMinutes(10);
    private static final String SNAPSHOT_SUFFIX = ".parquet";

    private final Path root;

    public VersionStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** {@code ASSAY_STORE} when set (relative to the working directory), else {@code .assay/} in it. */
    public static VersionStore locate(Map<String, String> environment, Path workingDirectory) {
        String configured = environment.get(ENVIRONMENT);
        Path base = workingDirectory.toAbsolutePath();
        return new VersionStore(configured != null && !configured.isBlank() ? base.resolve(configured) : base.resolve(DEFAULT_DIRECTORY));
    }

    public Path root() {
        return root;
    }

    /** The labels with at least one version, sorted. */
    public List<String> labels() {
        Path dir = root.resolve("labels");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
        } catch (IOException e) {
            throw new StoreException("cannot list the labels in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Every version of the label, oldest first; empty when the label has none. */
    public List<StoredVersion> versions(String label) {
        VersionRef.checkLabel(label);
        Path file = labelFile(label);
        try {
            return LabelFile.read(label, Files.readAllBytes(file), file.toString());
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The version a reference names; an unknown label or number is refused with what exists. */
    public StoredVersion resolve(VersionRef ref) {
        List<StoredVersion> versions = versions(ref.label());
        if (versions.isEmpty()) {
            List<String> labels = labels();
            throw new IllegalArgumentException("no pinned versions of '" + ref.label() + "' in the store at " + root
                    + Suggestions.didYouMean(ref.label(), labels)
                    + (labels.isEmpty() ? " (the store has none yet)" : ""));
        }
        if (ref.version() == null) {
            return versions.get(versions.size() - 1);
        }
        if (ref.version() > versions.size()) {
            throw new IllegalArgumentException("'" + ref.label() + "' has no version " + ref.version() + ": it has "
                    + (versions.size() == 1 ? "version 1 only" : "versions 1 to " + versions.size()));
        }
        return versions.get(ref.version() - 1);
    }

    /**
     * The versions of a label and the lineage of its latest: parents, their parents, and so on,
     * each once; a parent the store no longer holds (another store's, say) is listed as missing.
     */
    public VersionHistory history(String label) {
        List<StoredVersion> versions = versions(label);
        if (versions.isEmpty()) {
            resolve(new VersionRef(label, null)); // fails, naming the labels there are
        }
        StoredVersion latest = versions.get(versions.size() - 1);
        List<StoredVersion> lineage = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        ArrayDeque<Parent> next = new ArrayDeque<>(latest.parents());
        Set<Parent> seen = new HashSet<>(latest.parents());
        while (!next.isEmpty()) {
            Parent parent = next.removeFirst();
            List<StoredVersion> ofParent = versions(parent.label());
            StoredVersion found = parent.version() <= ofParent.size() ? ofParent.get(parent.version() - 1) : null;
            if (found == null || !found.fingerprint().equals(parent.fingerprint())) {
                missing.add(parent.toString());
                continue;
            }
            lineage.add(found);
            found.parents().stream().filter(seen::add).forEach(next::addLast);
        }
        return new VersionHistory(label, versions, lineage, missing);
    }

    /** Where the content of that fingerprint is (or would be) kept. */
    public Path snapshotFile(Fingerprint fingerprint) {
        return root.resolve("snapshots").resolve(fingerprint.hex() + SNAPSHOT_SUFFIX);
    }

    /** Where the metrics of that content are (or would be) kept. */
    public Path metricsFile(Fingerprint fingerprint) {
        return root.resolve("metrics").resolve(fingerprint.hex() + ".json");
    }

    /** The bytes of the metrics kept for that content, if any (their reader checks them). */
    public Optional<byte[]> metrics(Fingerprint fingerprint) {
        Path file = metricsFile(fingerprint);
        if (!Files.isRegularFile(file)) {
            return Optional.empty(); // also when the store itself is not there yet
        }
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Where the check outcomes of that content are (or would be) kept. */
    public Path checksFile(Fingerprint fingerprint) {
        return root.resolve("checks").resolve(fingerprint.hex() + ".json");
    }

    /** The checks recorded for that content, oldest first; empty when it was never checked. */
    public List<StoredCheck> checks(Fingerprint fingerprint) {
        Path file = checksFile(fingerprint);
        try {
            return CheckFile.read(fingerprint, Files.readAllBytes(file), file.toString());
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether the latest check of that content passed; null when it was never checked. */
    public Boolean checkPassed(Fingerprint fingerprint) {
        List<StoredCheck> checks = checks(fingerprint);
        return checks.isEmpty() ? null : checks.get(checks.size() - 1).passed();
    }

    /** Runs {@code work} as the store's only writer; {@code cancelled} lets a wait for the lock be stopped. */
    public <T> T write(BooleanSupplier cancelled, Function<Writer, T> work) {
        createDirectories();
        try (StoreLock lock = StoreLock.acquire(root.resolve("lock"), LOCK_PATIENCE, cancelled)) {
            Writer writer = new Writer();
            writer.clearUnfinishedWrites();
            return work.apply(writer);
        }
    }

    /**
     * Removes the snapshots, metrics and check records no version refers to (left by a pin
     * killed between its renames, or by a label removed by hand), and writes left unfinished
     * by stopped processes.
     */
    public GcReport gc() {
        if (!Files.isDirectory(root)) {
            throw new StoreException("there is no version store at " + root);
        }
        return write(() -> false, writer -> {
            Set<String> referenced = new HashSet<>();
            for (String label : labels()) {
                try {
                    versions(label).forEach(v -> referenced.add(v.fingerprint().hex()));
                } catch (RuntimeException e) {
                    // Its versions might need any snapshot: removing nothing is the only safe answer.
                    throw new StoreException("gc stopped, nothing removed: the versions of '" + label + "' cannot be read ("
                            + e.getMessage() + ")", e);
                }
            }
            Unreferenced snapshots = removeUnreferenced("snapshots", SNAPSHOT_SUFFIX, referenced);
            Unreferenced metrics = removeUnreferenced("metrics", ".json", referenced);
            Unreferenced checks = removeUnreferenced("checks", ".json", referenced);
            return new GcReport(root.toString(), snapshots.removed(), snapshots.freed() + metrics.freed() + checks.freed(),
                    snapshots.kept(), metrics.removed(), checks.removed());
        });
    }

    /** What gc removed from one directory of files named by fingerprint. */
    private record Unreferenced(List<String> removed, long freed, int kept) {
    }

    /** Deletes the files {@code HEX + suffix} in {@code directory} whose fingerprint is not {@code referenced}. */
    private Unreferenced removeUnreferenced(String directory, String suffix, Set<String> referenced) {
        List<String> removed = new ArrayList<>();
        long freed = 0;
        int kept = 0;
        Path dir = root.resolve(directory);
        if (!Files.isDirectory(dir)) {
            return new Unreferenced(removed, freed, kept); // a store written before metrics were kept
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                String hex = name.substring(0, Math.max(0, name.length() - suffix.length()));
                if (!name.endsWith(suffix) || !hex.matches("[0-9a-f]{64}") || referenced.contains(hex)) {
                    kept++;
                    continue;
                }
                long size = Files.size(file);
                Files.delete(file);
                removed.add(name);
                freed += size;
            }
        } catch (IOException e) {
            throw new StoreException("cannot clean " + dir + ": " + e.getMessage(), e);
        }
        AtomicFiles.forceDirectory(dir);
        return new Unreferenced(removed, freed, kept);
    }

    /** The SHA-256 of a file's bytes, streamed. */
    static String fileSha256(Path file) throws IOException {
        MessageDigest digest = Fingerprinter.sha256();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private Path labelFile(String label) {
        return root.resolve("labels").resolve(label + ".json");
    }

    private void createDirectories() {
        try {
            for (String dir : List.of("labels", "snapshots", "metrics", "checks", "tmp")) {
                Files.createDirectories(root.resolve(dir));
            }
            if (!Files.isWritable(root.resolve("tmp"))) {
                throw new AccessDeniedException(root.resolve("tmp").toString());
            }
        } catch (AccessDeniedException e) {
            throw new StoreException("cannot write the version store at " + root + ": permission denied on " + e.getFile()
                    + " (set " + ENVIRONMENT + " to a directory you can write)", e);
        } catch (FileSystemException e) {
            throw new StoreException("cannot write the version store at " + root + ": " + e.getMessage()
                    + " (set " + ENVIRONMENT + " to a directory you can write)", e);
        } catch (IOException e) {
            throw new StoreException("cannot create the version store at " + root + ": " + e.getMessage(), e);
        }
    }

    /** What the single writer may do; only handed out by {@link #write}. */
    public final class Writer {

        private Writer() {
        }

        /** A fresh path in {@code tmp/} to write to before {@link #keepSnapshot} or a label update. */
        public Path newFile(String suffix) {
            return root.resolve("tmp").resolve(UUID.randomUUID() + suffix);
        }

        /**
         * The snapshot of that content if it is already in the store and its bytes are those a
         * version recorded; a damaged or unrecorded file is not reused.
         */
        public Optional<Snapshot> existingSnapshot(Fingerprint fingerprint) {
            Path file = snapshotFile(fingerprint);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            Optional<StoredVersion> recorded = labels().stream().flatMap(l -> versions(l).stream())
                    .filter(v -> v.fingerprint().equals(fingerprint)).findFirst();
            if (recorded.isEmpty()) {
                return Optional.empty();
            }
            try {
                String sha = fileSha256(file);
                return sha.equals(recorded.get().snapshotSha256()) ? Optional.of(new Snapshot(sha, Files.size(file)))
                        : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        /** Moves a complete file written at {@link #newFile} into place as the snapshot of that content. */
        public Snapshot keepSnapshot(Path written, Fingerprint fingerprint) {
            try {
                String sha = fileSha256(written);
                long bytes = Files.size(written);
                AtomicFiles.moveIntoPlace(written, snapshotFile(fingerprint));
                return new Snapshot(sha, bytes);
            } catch (IOException e) {
                throw new StoreException("cannot keep the snapshot " + snapshotFile(fingerprint) + ": " + e.getMessage(), e);
            }
        }

        /** Records {@code version} as the next version of its label (its number must be the next one). */
        public void append(StoredVersion version) {
            List<StoredVersion> versions = new ArrayList<>(versions(version.label()));
            if (version.version() != versions.size() + 1) {
                throw new IllegalStateException("version " + version.version() + " of " + version.label()
                        + " is not the next one (" + (versions.size() + 1) + ")");
            }
            versions.add(version);
            try {
                AtomicFiles.write(newFile(".json"), labelFile(version.label()), LabelFile.write(version.label(), versions));
            } catch (IOException e) {
                throw new StoreException("cannot record " + version.ref() + " in " + labelFile(version.label()) + ": "
                        + e.getMessage(), e);
            }
        }

        /** Keeps {@code bytes} as the metrics of that content, replacing any kept before, in one rename. */
        public void keepMetrics(Fingerprint fingerprint, byte[] bytes) {
            try {
                AtomicFiles.write(newFile(".json"), metricsFile(fingerprint), bytes);
            } catch (IOException e) {
                throw new StoreException("cannot keep the metrics " + metricsFile(fingerprint) + ": " + e.getMessage(), e);
            }
        }

        /** Adds {@code check} to the checks recorded for that content (the file is rewritten whole, by rename). */
        public void recordCheck(Fingerprint fingerprint, StoredCheck check) {
            List<StoredCheck> checks = new ArrayList<>(checks(fingerprint));
            checks.add(check);
            try {
                AtomicFiles.write(newFile(".json"), checksFile(fingerprint), CheckFile.write(fingerprint, checks));
            } catch (IOException e) {
                throw new StoreException("cannot record a check in " + checksFile(fingerprint) + ": " + e.getMessage(), e);
            }
        }

        /** Files left in tmp/ by a writer that stopped: no one else writes while the lock is held. */
        private void clearUnfinishedWrites() {
            try (Stream<Path> files = Files.list(root.resolve("tmp"))) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new StoreException("cannot clear " + root.resolve("tmp") + ": " + e.getMessage(), e);
            }
        }
    }

    /** A snapshot file in place: the hash of its bytes and its size. */
    public record Snapshot(String sha256, long bytes) {
    }
}
