package hello;

import dev.assay.dsl.check.MeasureType;
import dev.assay.kernel.extension.AssayExtension;
import dev.assay.kernel.extension.Extensions;

/**
 * A test extension (tests/jupyter/test_extensions.py compiles it against the kernel jar):
 * a statement, a renderer for its result, a check measure and an engine.
 */
public final class HelloExtension implements AssayExtension {

    @Override
    public String name() {
        return "hello";
    }

    @Override
    public void register(Extensions extensions) {
        extensions.statement(HelloStatement.TYPE);
        extensions.renderer(Greeting.class, new GreetingRenderer());
        extensions.measure(new MeasureType("hello_rows", arguments -> new HelloRows()));
        extensions.engine(new MarkedDuckProvider());
    }
}
