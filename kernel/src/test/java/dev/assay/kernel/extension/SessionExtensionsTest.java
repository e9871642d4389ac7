package dev.assay.kernel.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.engine.DuckDbEngineProvider;
import dev.assay.dsl.engine.EngineProvider;
import dev.assay.dsl.engine.EngineSettings;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.engine.TablePreview;
import dev.assay.dsl.lang.Parser;
import dev.assay.dsl.lang.Position;
import dev.assay.dsl.lang.Statement;
import dev.assay.dsl.lang.StatementContext;
import dev.assay.dsl.lang.StatementRegistry;
import dev.assay.dsl.lang.StatementSyntax;
import dev.assay.dsl.lang.StatementType;
import dev.assay.dsl.lang.StatementType.Binding;
import dev.assay.dsl.lang.StatementType.Completion;
import dev.assay.kernel.exec.CellContext;
import dev.assay.kernel.exec.CellError;
import dev.assay.kernel.exec.magic.Magic;
import dev.assay.kernel.exec.magic.MagicRegistry;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.RendererRegistry;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extensions found through their service file and registered into a session's registries:
 * what each kind registers, in which order, and what a broken one says. Each test uses its own
 * statement registry, so nothing here changes the language of other tests.
 */
class SessionExtensionsTest {

    @TempDir
    Path dir;

    /** {@code hello NAME}: a statement of the test extension. */
    public record Hello(String name, Position position) implements Statement {
        @Override
        public Object run(StatementContext context) {
            return new Greeting(name);
        }
    }

    public record Greeting(String name) {
    }

    static final StatementType HELLO = new StatementSyntax("hello", Binding.NONE, "hello NAME", Completion.ofDataset().noDatasetAfterKeyword(), List.of(),
            (in, targets, at) -> new Hello(in.name("a name"), at));

    /** Registers one of every kind but measures (those are the language's, shared by the JVM's tests). */
    public static final class Greeter implements AssayExtension {
        @Override
        public String name() {
            return "greeter";
        }

        @Override
        public void register(Extensions extensions) {
            extensions.statement(HELLO);
            extensions.magic(new HiMagic());
            extensions.renderer(Greeting.class, g -> MimeBundle.text("Hello, " + g.name() + "!"));
            extensions.renderer(TablePreview.class, t -> MimeBundle.text("a greeter's table " + t.name()));
            extensions.engine(new GreetingEngine());
        }
    }

    /** A second extension whose keyword is taken: it must fail alone, naming both. */
    public static final class Clashing implements AssayExtension {
        @Override
        public String name() {
            return "clashing";
        }

        @Override
        public void register(Extensions extensions) {
            extensions.engine(new GreetingEngine());
        }
    }

    static final class HiMagic implements Magic {
        @Override
        public String name() {
            return "hi";
        }

        @Override
        public String help() {
            return "says hi";
        }

        @Override
        public boolean isCellMagic() {
            return false;
        }

        @Override
        public CellError run(String args, String body, CellContext context) {
            return null;
        }
    }

    static final class GreetingEngine implements EngineProvider {
        @Override
        public String name() {
            return "greeting-duck";
        }

        @Override
        public SqlEngine open(EngineSettings settings) {
            return new DuckDbEngineProvider().open(settings);
        }
    }

    private static SessionExtensions emptySession() {
        return new SessionExtensions(StatementRegistry.withBuiltIns(), new MagicRegistry(), new RendererRegistry());
    }

    /** A folder on a class path whose service file lists {@code classes}. */
    private URLClassLoader listing(String... classes) throws IOException {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve(AssayExtension.class.getName()), "# test extensions\n" + String.join("\n", classes) + "\n");
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
    }

    @Test
    void theBuiltInExtensionIsFoundThroughItsServiceFile() {
        List<String> messages = new ArrayList<>();
        SessionExtensions session = SessionExtensions.discover(getClass().getClassLoader(), messages);
        assertEquals(List.of(), messages, "what Assay registers itself goes without saying");
        for (String magic : List.of("%%assay", "%%sql", "%lsmagic", "%classpath", "%maven", "%time", "%%time")) {
            assertTrue(session.magics().find(magic).isPresent(), magic);
        }
        assertEquals(List.of("duckdb"), session.engines().names());
        assertEquals(RendererRegistry.withDefaults().render(List.of(1, 2)).data(), session.renderers().render(List.of(1, 2)).data());
        assertEquals(StatementRegistry.builtIn(), session.statements());
    }

    @Test
    void anExtensionRegistersEveryKindAndIsSaidSo() throws IOException {
        SessionExtensions session = emptySession();
        assertEquals(List.of(), session.load(getClass().getClassLoader()));
        List<String> messages = session.load(listing(Greeter.class.getName()));
        assertEquals(List.of("Registered extension greeter (" + ExtensionDiscovery.source(Greeter.class) + "): statement hello, "
                + "magic %hi, renderer for Greeting, renderer for TablePreview, engine greeting-duck"), messages);
        Statement parsed = Parser.parse("hello world", session.statements()).get(0);
        assertEquals(new Hello("world", new Position(1, 1)), parsed);
        assertEquals("Hello, world!", session.renderers().render(new Greeting("world")).data().get("text/plain"));
        assertEquals("a greeter's table t", session.renderers().render(new TablePreview("t", List.of(), List.of(), 0))
                .data().get("text/plain"), "an extension's renderer wins over the built-in one");
        assertTrue(session.magics().find("%hi").isPresent());
        assertEquals(List.of("duckdb", "greeting-duck"), session.engines().names());
        assertEquals(List.of(), session.load(listing(Greeter.class.getName())), "an extension registers once");
    }

    @Test
    void aBrokenExtensionIsReportedWithItsPlaceAndTheOthersStillRegister() throws IOException {
        SessionExtensions session = emptySession();
        session.load(getClass().getClassLoader());
        List<String> messages = session.load(listing("no.such.Extension", Greeter.class.getName(), Clashing.class.getName()));
        assertEquals(3, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("Extension could not be loaded: "), messages.get(0));
        assertTrue(messages.get(0).contains("no.such.Extension not found; listed in "
                + dir.resolve("META-INF/services/" + AssayExtension.class.getName())), messages.get(0));
        assertTrue(messages.get(1).startsWith("Registered extension greeter"), messages.get(1));
        assertEquals("Extension clashing (" + ExtensionDiscovery.source(Clashing.class) + ") failed: engine 'greeting-duck' "
                + "of clashing is registered already by greeter", messages.get(2));
        assertTrue(session.statements().find("hello").isPresent());
    }

    @Test
    void aTakenKeywordNamesBothExtensions() throws IOException {
        SessionExtensions session = emptySession();
        session.load(getClass().getClassLoader());
        StatementType show = new StatementSyntax("show", Binding.NONE, "show", Completion.ofDataset().noDatasetAfterKeyword(), List.of(), (in, t, at) -> null);
        AssayExtension shadowing = new AssayExtension() {
            @Override
            public void register(Extensions extensions) {
                extensions.statement(show);
            }
        };
        String message = session.register(new ExtensionDiscovery.Found(shadowing, "a.jar"));
        assertEquals("Extension " + shadowing.name() + " (a.jar) failed: statement 'show' of " + shadowing.name()
                + " is registered already by Assay's built-in statements", message);
    }
}
