package dev.assay.kernel.install;

import java.lang.reflect.InaccessibleObjectException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The JVM flags Spark's client needs on Java 17: Spark's own module options
 * ({@code JavaModuleOptions.defaultModuleOptions()}), the same list as the property
 * {@code spark.jvm.flags} of {@code spark/pom.xml} (a test keeps the two equal). Without them
 * the Connect client's Netty and Arrow fail at the first session with an
 * {@code InaccessibleObjectException}.
 */
public final class SparkJvmFlags {

    private static final List<String> OPENED_PACKAGES = List.of("java.lang", "java.lang.invoke", "java.lang.reflect",
            "java.io", "java.net", "java.nio", "java.util", "java.util.concurrent", "java.util.concurrent.atomic",
            "jdk.internal.ref", "sun.nio.ch", "sun.nio.cs", "sun.security.action", "sun.util.calendar");

    private static final List<String> PROPERTIES = List.of("-Djdk.reflect.useDirectMethodHandle=false",
            "-Dio.netty.tryReflectionSetAccessible=true");

    private SparkJvmFlags() {
    }

    /** Every flag, as written on a java command line. */
    public static List<String> all() {
        List<String> flags = new ArrayList<>();
        OPENED_PACKAGES.forEach(p -> flags.add(addOpens(p)));
        flags.addAll(PROPERTIES);
        return flags;
    }

    /** {@code --add-opens=java.base/PACKAGE=ALL-UNNAMED}. */
    static String addOpens(String javaBasePackage) {
        return "--add-opens=java.base/" + javaBasePackage + "=ALL-UNNAMED";
    }

    /** {@code flags} followed by those of {@code more} it lacks, in order, each once. */
    public static List<String> union(List<String> flags, List<String> more) {
        Set<String> all = new LinkedHashSet<>(flags);
        all.addAll(more);
        return new ArrayList<>(all);
    }

    /** The flags this JVM was not started with (checked on the JVM itself: opened packages, system properties). */
    public static List<String> missingHere() {
        Module java = Object.class.getModule();
        Module unnamed = SparkJvmFlags.class.getClassLoader().getUnnamedModule();
        List<String> missing = new ArrayList<>();
        for (String p : OPENED_PACKAGES) {
            if (!java.isOpen(p, unnamed)) {
                missing.add(addOpens(p));
            }
        }
        for (String property : PROPERTIES) {
            String[] nameValue = property.substring(2).split("=", 2);
            if (!nameValue[1].equals(System.getProperty(nameValue[0]))) {
                missing.add(property);
            }
        }
        return missing;
    }

    /**
     * What to tell a user when {@code failure} (opening a Spark session) comes from a JVM started
     * without these flags: an {@code InaccessibleObjectException}, or Netty finding no direct
     * buffers, anywhere in its causes. Empty for any other failure.
     */
    public static Optional<String> explain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof InaccessibleObjectException
                    || message.contains("DirectByteBuffer") || message.contains("sun.misc.Unsafe")
                    || message.contains("does not \"opens")) {
                List<String> missing = missingHere();
                return Optional.of(hint(missing.isEmpty() ? all() : missing));
            }
        }
        return Optional.empty();
    }

    /** Names the flags and the two ways to get them. */
    static String hint(List<String> flags) {
        return "Spark's client needs JVM flags this kernel was started without (" + String.join(" ", flags)
                + "); install the kernel with `java -jar assay.jar install --with-spark` (or run notebooks with "
                + "`assay run --with-spark`), then restart it";
    }
}
