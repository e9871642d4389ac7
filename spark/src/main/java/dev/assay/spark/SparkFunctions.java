package dev.assay.spark;

import dev.assay.dsl.functions.TextNormalizer;
import dev.assay.spark.udf.G17;
import dev.assay.spark.udf.Lower;
import dev.assay.spark.udf.Normalize;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Assay's Java functions that must give the same bytes on every engine, as Spark SQL functions
 * of each session the engine opens. A Spark Connect server does not have Assay's classes: they
 * travel to it as a jar artifact of the session (the UDF wrappers and the functions they call),
 * made from this process's own class files.
 */
final class SparkFunctions {

    /** A double as C's printf("%.17g") prints it (a fingerprint's doubles); the name DuckDB registers too. */
    static final String G17 = "assay_g17";
    /** Text as {@code normalize} compares it. */
    static final String NORMALIZE = "assay_normalize";
    /** Lower case as DuckDB's lower. */
    static final String LOWER = "assay_lower";

    private record Udf(String name, Class<?> implementation, DataType returns) {
    }

    private static final List<Udf> UDFS = List.of(new Udf(G17, G17.class, DataTypes.StringType),
            new Udf(NORMALIZE, Normalize.class, DataTypes.StringType), new Udf(LOWER, Lower.class, DataTypes.StringType));

    /** Packages (as paths) whose classes and resources the server needs: the wrappers and the functions. */
    private static final List<String> PACKAGES = List.of("dev/assay/spark/udf/", "dev/assay/dsl/functions/");

    private SparkFunctions() {
    }

    /** Makes the functions known to {@code spark}, for this session. */
    static void register(SparkSession spark) {
        if (isConnect(spark)) {
            spark.addArtifact(artifact().toUri());
        }
        for (Udf udf : UDFS) {
            spark.udf().registerJava(udf.name(), udf.implementation().getName(), udf.returns());
        }
    }

    private static boolean isConnect(SparkSession spark) {
        return spark.getClass().getName().contains(".connect.");
    }

    private static Path artifact;

    /** One jar per process of the classes in {@link #PACKAGES}, copied from where they were loaded. */
    private static synchronized Path artifact() {
        if (artifact == null) {
            try {
                Path jar = Files.createTempFile("assay-spark-functions-", ".jar");
                jar.toFile().deleteOnExit();
                try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                    // The wrappers and the functions may come from different jars (assay-spark.jar, assay.jar).
                    Set<Path> sources = new LinkedHashSet<>();
                    for (Class<?> anchor : List.of(G17.class, TextNormalizer.class)) {
                        sources.add(Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI()));
                    }
                    for (Path source : sources) {
                        copyClasses(source, out);
                    }
                }
                artifact = jar;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the jar of Assay's Spark functions: " + e.getMessage(), e);
            } catch (URISyntaxException e) {
                throw new IllegalStateException("cannot locate Assay's classes: " + e.getMessage(), e);
            }
        }
        return artifact;
    }

    /** The classes of {@link #PACKAGES} found in a class directory or a jar. */
    private static void copyClasses(Path source, JarOutputStream out) throws IOException {
        if (Files.isDirectory(source)) {
            for (String pkg : PACKAGES) {
                Path dir = source.resolve(pkg);
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        out.putNextEntry(new JarEntry(source.relativize(file).toString().replace('\\', '/')));
                        Files.copy(file, out);
                        out.closeEntry();
                    }
                }
            }
            return;
        }
        try (JarFile jar = new JarFile(source.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (!entry.isDirectory() && PACKAGES.stream().anyMatch(entry.getName()::startsWith)) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream in = jar.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
    }
}
