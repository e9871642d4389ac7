package dev.assay.kernel.exec.magic;

import java.util.List;

/** The magics Assay comes with, as the built-in extension registers them. */
public final class BuiltInMagics {

    private BuiltInMagics() {
    }

    public static List<Magic> all() {
        return List.of(new LsMagic(), new TimeMagic(false), new TimeMagic(true), new SqlMagic(), new AssayMagic(),
                new ClasspathMagic(), new MavenMagic());
    }
}
