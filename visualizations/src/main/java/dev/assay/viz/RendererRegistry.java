package dev.assay.viz;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one place that turns any value into a MIME bundle. A renderer registered for a type
 * also serves its subtypes; the most specific registration wins (the class itself, then its
 * superclasses, then interfaces breadth-first). Values without a renderer fall back to
 * {@link PlainTextRenderer}, so rendering never fails for lack of a renderer. A later
 * registration for the same type replaces an earlier one: an extension's renderer for a type
 * wins over the built-in one ({@link BuiltInRenderers}, registered first).
 */
public final class RendererRegistry implements RendererTarget {

    private final Map<Class<?>, Renderer<Object>> renderers = new ConcurrentHashMap<>();
    /** Broad renderers (records, maps, collections), asked in order only when no registration matches. */
    private final Map<Class<?>, Renderer<Object>> fallbacks = new ConcurrentHashMap<>();
    private final List<Class<?>> fallbackOrder = new CopyOnWriteArrayList<>();

    /** A registry with the built-in renderers (results, images, bundles, displayables, Java values). */
    public static RendererRegistry withDefaults() {
        RendererRegistry registry = new RendererRegistry();
        BuiltInRenderers.registerInto(registry);
        return registry;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> void register(Class<T> type, Renderer<? super T> renderer) {
        renderers.put(type, (Renderer<Object>) renderer);
    }

    /**
     * A renderer for a broad family of values (every record, every map) that any registration
     * matching the value, even through an interface, overrides.
     */
    @Override
    @SuppressWarnings("unchecked")
    public <T> void registerFallback(Class<T> type, Renderer<? super T> renderer) {
        if (fallbacks.put(type, (Renderer<Object>) renderer) == null) {
            fallbackOrder.add(type);
        }
    }

    public MimeBundle render(Object value) {
        if (value == null) {
            return MimeBundle.text("null");
        }
        Renderer<Object> renderer = find(value.getClass());
        if (renderer == null) {
            renderer = fallbackOrder.stream().filter(t -> t.isInstance(value)).findFirst().map(fallbacks::get).orElse(null);
        }
        if (renderer == null) {
            return MimeBundle.text(PlainTextRenderer.describe(value));
        }
        try {
            MimeBundle bundle = renderer.render(value);
            return bundle != null ? bundle : MimeBundle.text(PlainTextRenderer.describe(value));
        } catch (RuntimeException e) {
            // A broken renderer must not lose the value: show its text and say why.
            return MimeBundle.text(PlainTextRenderer.describe(value)
                + "\n(renderer for " + value.getClass().getName() + " failed: " + e + ")");
        }
    }

    private Renderer<Object> find(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Renderer<Object> r = renderers.get(c);
            if (r != null) {
                return r;
            }
        }
        Deque<Class<?>> queue = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            queue.addAll(List.of(c.getInterfaces()));
        }
        while (!queue.isEmpty()) {
            Class<?> i = queue.removeFirst();
            if (!seen.add(i)) {
                continue;
            }
            Renderer<Object> r = renderers.get(i);
            if (r != null) {
                return r;
            }
            queue.addAll(List.of(i.getInterfaces()));
        }
        return null;
    }
}
