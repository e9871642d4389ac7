package dev.assay.kernel.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The kernelspec's own copy of the kernel jar, beside kernel.json, as kernels usually ship
 * their files: the installed kernel then survives {@code mvn clean}, a rebuild or a moved
 * clone. The class archive is trained against this copy's path (class-data sharing checks
 * the class path), so copy first, train second.
 */
public final class KernelJarCopy {

    public static final String FILE_NAME = "assay.jar";

    private KernelJarCopy() {
    }

    /**
     * Copies {@code jar} to {@code kernelDir/assay.jar} (written aside, then renamed, so a
     * running kernel's jar is never half-overwritten) and returns the copy's path. A jar that
     * already is that file (install run from an installed jar) is left as it is.
     */
    public static Path into(Path kernelDir, Path jar) throws IOException {
        return into(kernelDir, jar, FILE_NAME);
    }

    /** As {@link #into(Path, Path)}, the copy named {@code fileName} (the Spark jar's copy is another file). */
    public static Path into(Path kernelDir, Path jar, String fileName) throws IOException {
        Files.createDirectories(kernelDir);
        Path target = kernelDir.resolve(fileName).toAbsolutePath();
        if (Files.exists(target) && Files.isSameFile(target, jar)) {
            return target;
        }
        Path part = kernelDir.resolve(fileName + ".part-" + ProcessHandle.current().pid());
        try {
            Files.copy(jar, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
        return target;
    }
}
