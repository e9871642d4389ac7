package dev.assay.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelLaunchTest {

    @TempDir
    Path dir;

    /** A jar whose manifest opens what the kernel jar's opens (kernel/pom.xml, Add-Opens). */
    static Path jarWithOpens(Path jar, String opens) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Add-Opens", opens);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }

    @Test
    void theKernelJarAloneStartsWithDashJar() {
        Path jar = dir.resolve("assay.jar");
        assertEquals(List.of("-jar", jar.toString()), KernelLaunch.jar(jar).startArguments());
    }

    @Test
    void withSparkBothJarsGoOnTheClassPathWithSparksFlagsAndTheManifestsOpens() throws Exception {
        Path kernel = jarWithOpens(dir.resolve("assay.jar"), "java.base/java.nio java.base/java.lang java.base/java.time");
        Path spark = dir.resolve("assay-spark.jar");
        List<String> args = KernelLaunch.withSpark(kernel, spark).startArguments();
        int cp = args.indexOf("-cp");
        assertTrue(cp > 0, args.toString());
        assertEquals(kernel + File.pathSeparator + spark, args.get(cp + 1));
        assertEquals(KernelLaunch.MAIN_CLASS, args.get(cp + 2));
        assertEquals(cp + 3, args.size(), "the command's own arguments follow the main class");
        assertFalse(args.contains("-jar"), "-jar would ignore the Spark jar on -cp");
        List<String> flags = args.subList(0, cp);
        assertTrue(flags.containsAll(SparkJvmFlags.all()), flags.toString());
        // -cp ignores the manifest: its opens must become flags, java.time included (not one of Spark's).
        assertTrue(flags.contains("--add-opens=java.base/java.time=ALL-UNNAMED"), flags.toString());
        assertEquals(flags.size(), flags.stream().distinct().count(), "no flag twice: " + flags);
    }

    @Test
    void aClassFolderStartsWithDashCp() {
        Path classes = dir.resolve("target/classes");
        List<String> args = new KernelLaunch(List.of(classes), List.of("-Dx=y")).startArguments();
        assertEquals(List.of("-Dx=y", "-cp", classes.toString(), KernelLaunch.MAIN_CLASS), args);
    }
}
