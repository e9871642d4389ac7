package dev.assay.spark;

import dev.assay.kernel.extension.AssayExtension;
import dev.assay.kernel.extension.Extensions;

/**
 * Brings the engine {@code spark} into a session whose class path has this jar
 * ({@code install --with-spark}, {@code run --with-spark}, or {@code %classpath add}).
 */
public final class SparkExtension implements AssayExtension {

    @Override
    public String name() {
        return "Assay Spark engine";
    }

    @Override
    public void register(Extensions extensions) {
        extensions.engine(new SparkEngineProvider());
    }
}
