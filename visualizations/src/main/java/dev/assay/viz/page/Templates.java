package dev.assay.viz.page;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.assay.viz.Html;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Mustache templates of Assay's HTML pages, read from this package's resources
 * ({@code NAME.mustache}) and compiled once. {@code {{x}}} escapes HTML; {@code {{{x}}}} is
 * for HTML that a renderer already made safe. A name missing from the context is an error
 * rather than an empty string, so a typo in a template fails its test instead of a page.
 */
public final class Templates {

    private static final String FOLDER = "/dev/assay/viz/page/";
    // Escaping as every renderer does it (Html.escape): attributes are always quoted, so '=' and
    // '`' (which JMustache's own escaper also encodes) stay readable in code shown on a page.
    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .withEscaper(Html::escape)
            .nullValue("")
            .withLoader(Templates::open);
    private static final Map<String, Template> COMPILED = new ConcurrentHashMap<>();

    private Templates() {
    }

    /** Template {@code name} (without {@code .mustache}) filled from {@code context} (a map or an object's fields). */
    public static String render(String name, Object context) {
        return COMPILED.computeIfAbsent(name, n -> {
            try (Reader source = open(n)) {
                return COMPILER.compile(source);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read template " + n + ": " + e.getMessage(), e);
            }
        }).execute(context);
    }

    private static Reader open(String name) {
        InputStream in = Templates.class.getResourceAsStream(FOLDER + name + ".mustache");
        if (in == null) {
            throw new IllegalArgumentException("no template " + name + ".mustache in " + FOLDER);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
