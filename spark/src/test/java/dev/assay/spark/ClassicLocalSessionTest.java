package dev.assay.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code use spark 'local[2]'}: a classic Spark session in the JVM that runs Assay, whose class
 * path holds Spark's own jars (spark/serve's, from spark/server/pom.xml) BEFORE Assay's, since
 * Spark needs its own Jackson and Arrow versions. Runs {@link ClassicLocalRun} in a child JVM
 * with that class path and the JVM options Spark wants on Java 17.
 */
class ClassicLocalSessionTest {

    private static final List<String> OPENS = List.of("java.lang", "java.lang.invoke", "java.lang.reflect", "java.io",
            "java.net", "java.nio", "java.util", "java.util.concurrent", "java.util.concurrent.atomic", "jdk.internal.ref",
            "sun.nio.ch", "sun.nio.cs", "sun.security.action", "sun.util.calendar");

    @Test
    void localTwoRunsInThisJvmWithTheResultsOfDuckDb() throws Exception {
        LocalConnectServer.location(); // spark/serve resolves the server's class path on first use
        Path sparkJars = Path.of("server", "target", "classpath.txt").toAbsolutePath();
        String ours = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        OPENS.forEach(p -> command.add("--add-opens=java.base/" + p + "=ALL-UNNAMED"));
        command.addAll(List.of("-Djdk.reflect.useDirectMethodHandle=false", "-Dio.netty.tryReflectionSetAccessible=true",
                "-Xmx1g", "-Dlog4j2.configurationFile=" + Path.of("server", "log4j2.properties").toAbsolutePath(),
                "-cp", Files.readString(sparkJars, StandardCharsets.UTF_8).strip() + File.pathSeparator + ours,
                ClassicLocalRun.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process child = builder.start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = child.waitFor();
        assertTrue(output.contains("same 5"), output);
        assertEquals(0, exit, output);
    }
}
