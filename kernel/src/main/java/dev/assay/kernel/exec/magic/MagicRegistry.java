package dev.assay.kernel.exec.magic;

import dev.assay.kernel.exec.CellError;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;

/** The magics this kernel knows, by their written form ({@code %time}, {@code %%time}). */
public final class MagicRegistry {

    private final Map<String, Magic> magics = new ConcurrentSkipListMap<>(); // read while a cell adds magics

    public static MagicRegistry withBuiltins() {
        MagicRegistry registry = new MagicRegistry();
        BuiltInMagics.all().forEach(registry::register);
        return registry;
    }

    public void register(Magic magic) {
        magics.put(written(magic), magic);
    }

    public Optional<Magic> find(String written) {
        return Optional.ofNullable(magics.get(written));
    }

    public Collection<Magic> all() {
        return magics.values();
    }

    /** The error for a magic nobody knows, listing the ones that exist. */
    public CellError unknown(String written) {
        String known = magics.keySet().stream().collect(Collectors.joining(", "));
        return CellError.of("UnknownMagic", "unknown magic " + written + "; known magics: " + known);
    }

    /** How a magic is written: {@code %name} or {@code %%name}. */
    public static String written(Magic magic) {
        return (magic.isCellMagic() ? "%%" : "%") + magic.name();
    }
}
