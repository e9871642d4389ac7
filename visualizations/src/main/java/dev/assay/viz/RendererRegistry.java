package dev.assay.viz;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place that turns any value into a MIME bundle. A renderer registered for a type
 * also serves its subtypes; the most specific registration wins (the class itself, then its
 * superclasses, then interfaces breadth-first). Values without a renderer fall back to
 * {@link PlainTextRenderer}, so rendering never fails for lack of a renderer.
 */
public final class RendererRegistry {

    private final Map<Class<?>, Renderer<Object>> renderers = new ConcurrentHashMap<>();
    /** Broad renderers (records, maps, collections), asked in order only when no registration matches. */
    private final Map<Class<?>, Renderer<Object>> fallbacks = new ConcurrentHashMap<>();
    private final java.util.List<Class<?>> fallbackOrder = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A registry with the built-in renderers (images, bundles, displayables, plain text). */
    public static RendererRegistry withDefaults() {
        RendererRegistry registry = new RendererRegistry();
        registry.register(MimeBundle.class, bundle -> bundle);
        registry.register(Displayable.class, Displayable::toMimeBundle);
        registry.register(java.awt.image.RenderedImage.class, new ImageRenderer());
        registry.register(org.knowm.xchart.internal.chartpart.Chart.class, ImageRenderer::chart);
        registry.register(dev.assay.dsl.engine.TablePreview.class, new dev.assay.viz.table.TableRenderer());
        registry.register(dev.assay.dsl.workspace.Dataset.class, new dev.assay.viz.table.DatasetRenderer());
        registry.register(dev.assay.dsl.load.Loaded.class, new dev.assay.viz.table.LoadedRenderer());
        registry.register(dev.assay.dsl.profile.Profile.class, new dev.assay.viz.profile.ProfileRenderer());
        registry.register(dev.assay.dsl.duplicates.Duplicates.class, new dev.assay.viz.rows.DuplicatesRenderer());
        registry.register(dev.assay.dsl.duplicates.Deduplicated.class, new dev.assay.viz.rows.DeduplicatedRenderer());
        registry.register(dev.assay.dsl.duplicates.Leakage.class, new dev.assay.viz.rows.LeakageRenderer());
        registry.register(dev.assay.dsl.split.SplitResult.class, new dev.assay.viz.rows.SplitRenderer());
        registry.register(dev.assay.dsl.sample.Sampled.class, new dev.assay.viz.rows.SampleRenderer());
        registry.register(dev.assay.dsl.drift.Drift.class, new dev.assay.viz.rows.DriftRenderer());
        registry.register(dev.assay.dsl.store.Pinned.class, new dev.assay.viz.rows.PinnedRenderer());
        registry.register(dev.assay.dsl.store.VersionHistory.class, new dev.assay.viz.rows.VersionHistoryRenderer());
        registry.register(dev.assay.dsl.store.GcReport.class, new dev.assay.viz.rows.GcReportRenderer());
        registry.register(dev.assay.dsl.workspace.LoadedPin.class, new dev.assay.viz.table.LoadedPinRenderer());
        registry.register(dev.assay.dsl.diff.DatasetDiff.class, new dev.assay.viz.rows.DatasetDiffRenderer());
        registry.register(dev.assay.dsl.check.CheckResult.class, new dev.assay.viz.rows.CheckResultRenderer());
        registry.register(dev.assay.dsl.report.QualityReport.class, new dev.assay.viz.report.ReportRenderer());
        registry.registerFallback(Record.class, dev.assay.viz.rows.JavaValueRenderers.records());
        registry.registerFallback(java.util.Map.class, dev.assay.viz.rows.JavaValueRenderers.maps());
        registry.registerFallback(java.util.Collection.class, dev.assay.viz.rows.JavaValueRenderers.collections());
        registry.registerFallback(Object[].class, dev.assay.viz.rows.JavaValueRenderers.arrays());
        return registry;
    }

    @SuppressWarnings("unchecked")
    public <T> void register(Class<T> type, Renderer<? super T> renderer) {
        renderers.put(type, (Renderer<Object>) renderer);
    }

    /**
     * A renderer for a broad family of values (every record, every map) that any registration
     * matching the value, even through an interface, overrides.
     */
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
            queue.addAll(java.util.List.of(c.getInterfaces()));
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
            queue.addAll(java.util.List.of(i.getInterfaces()));
        }
        return null;
    }
}
