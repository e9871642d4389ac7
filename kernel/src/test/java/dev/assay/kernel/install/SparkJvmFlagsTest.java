package dev.assay.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.reflect.InaccessibleObjectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SparkJvmFlagsTest {

    @Test
    void theFlagsAreThoseTheSparkModuleTestsWith() throws Exception {
        // spark/pom.xml's spark.jvm.flags is what the Spark engine's own tests run with.
        String pom = Files.readString(Path.of("..", "spark", "pom.xml"));
        Matcher property = Pattern.compile("<spark.jvm.flags>([^<]*)</spark.jvm.flags>").matcher(pom);
        assertTrue(property.find(), "spark/pom.xml has no spark.jvm.flags");
        assertEquals(Arrays.asList(property.group(1).strip().split("\\s+")), SparkJvmFlags.all());
    }

    @Test
    void onlyFlagsThisJvmLacksAreMissing() {
        List<String> given = ManagementFactory.getRuntimeMXBean().getInputArguments();
        List<String> missing = SparkJvmFlags.missingHere();
        assertTrue(SparkJvmFlags.all().containsAll(missing), missing.toString());
        for (String flag : SparkJvmFlags.all()) {
            if (given.contains(flag)) {
                assertFalse(missing.contains(flag), flag + " was given to this JVM");
            }
        }
        if (!given.contains("-Dio.netty.tryReflectionSetAccessible=true")) {
            assertTrue(missing.contains("-Dio.netty.tryReflectionSetAccessible=true"), missing.toString());
        }
    }

    @Test
    void anInaccessibleObjectDeepInTheCausesIsExplainedWithTheFlagsAndTheFix() {
        RuntimeException failure = new IllegalStateException("session failed",
                new RuntimeException("netty", new InaccessibleObjectException(
                        "Unable to make field long java.nio.Buffer.address accessible: module java.base does not "
                                + "\"opens java.nio\" to unnamed module")));
        String hint = SparkJvmFlags.explain(failure).orElseThrow();
        assertTrue(hint.contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"), hint);
        assertTrue(hint.contains("install --with-spark"), hint);
        // Surefire opens java.nio to the tests (pom.xml): only what this JVM lacks is named.
        assertFalse(hint.contains("java.base/java.nio="), hint);
        assertTrue(SparkJvmFlags.explain(new UnsupportedOperationException(
                "sun.misc.Unsafe or java.nio.DirectByteBuffer.<init>(long, int) not available")).isPresent());
    }

    @Test
    void otherFailuresAreNotBlamedOnFlags() {
        assertTrue(SparkJvmFlags.explain(new IllegalStateException("UNAVAILABLE: io exception",
                new java.net.ConnectException("Connection refused"))).isEmpty());
    }
}
