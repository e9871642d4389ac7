package dev.assay.kernel.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** %maven and %classpath in a session of their own (what they add stays for the session). */
class DependencyMagicTest {

    @TempDir
    Path dir;


    private static String error(RecordingSink sink) {
        return sink.events.stream().filter(e -> e.kind().equals("error")).map(e -> e.error().ename() + ": " + e.text())
                .findFirst().orElse(null);
    }

    @Test
    void mavenResolvesAnArtifactWithItsDependencies() {
        try (TestSession session = new TestSession()) {
            RecordingSink added = session.run("%maven org.apache.commons:commons-text:1.12.0");
            assertEquals(null, error(added));
            assertTrue(added.stdout().matches("Added [2-9] jars to the classpath\n"), added.stdout());
            // commons-text itself, and commons-lang3, which it depends on:
            assertEquals("\"Hello World\"", session.run("org.apache.commons.text.WordUtils.capitalize(\"hello world\")").result());
            assertEquals("\"abc\"", session.run("org.apache.commons.lang3.StringUtils.lowerCase(\"ABC\")").result());
            assertTrue(error(session.run("%maven not-a-coordinate")).contains("is not a Maven coordinate"));
        }
    }

    @Test
    void classpathAddsAJarAndAGlob() throws Exception {
        Path src = dir.resolve("src/greet/Hello.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package greet; public class Hello { public static String hi() { return \"hi from a jar\"; } }");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString()));
        Path lib = Files.createDirectories(dir.resolve("lib"));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(lib.resolve("hello.jar")))) {
            jar.putNextEntry(new JarEntry("greet/Hello.class"));
            jar.write(Files.readAllBytes(classes.resolve("greet/Hello.class")));
            jar.closeEntry();
        }
        try (TestSession session = new TestSession()) {
            assertTrue(error(session.run("%classpath add " + dir.resolve("lib/nothing*.jar"))).contains("nothing at"));
            RecordingSink added = session.run("%classpath add " + lib + "/*.jar\ngreet.Hello.hi()");
            assertEquals(null, error(added));
            assertEquals("\"hi from a jar\"", added.result());
            assertTrue(error(session.run("%classpath remove x")).startsWith("UsageError"));
        }
    }
}
