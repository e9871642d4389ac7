package dev.assay.viz;

import dev.assay.dsl.check.CheckResult;
import dev.assay.dsl.correlations.Correlations;
import dev.assay.dsl.diff.DatasetDiff;
import dev.assay.dsl.drift.Drift;
import dev.assay.dsl.duplicates.Deduplicated;
import dev.assay.dsl.duplicates.Duplicates;
import dev.assay.dsl.duplicates.Leakage;
import dev.assay.dsl.history.MetricHistory;
import dev.assay.dsl.labels.Labels;
import dev.assay.dsl.engine.TablePreview;
import dev.assay.dsl.load.Loaded;
import dev.assay.dsl.profile.Profile;
import dev.assay.dsl.report.QualityReport;
import dev.assay.dsl.sample.Sampled;
import dev.assay.dsl.split.SplitResult;
import dev.assay.dsl.store.GcReport;
import dev.assay.dsl.store.Pinned;
import dev.assay.dsl.store.VersionHistory;
import dev.assay.dsl.suggest.Suggestion;
import dev.assay.dsl.workspace.Copied;
import dev.assay.dsl.workspace.Dataset;
import dev.assay.dsl.workspace.EngineUse;
import dev.assay.dsl.workspace.LoadedPin;
import dev.assay.viz.profile.ProfileRenderer;
import dev.assay.viz.report.ReportRenderer;
import dev.assay.viz.rows.CheckResultRenderer;
import dev.assay.viz.rows.CopiedRenderer;
import dev.assay.viz.rows.CorrelationsRenderer;
import dev.assay.viz.rows.DatasetDiffRenderer;
import dev.assay.viz.rows.DeduplicatedRenderer;
import dev.assay.viz.rows.DriftRenderer;
import dev.assay.viz.rows.DuplicatesRenderer;
import dev.assay.viz.rows.EngineUseRenderer;
import dev.assay.viz.rows.GcReportRenderer;
import dev.assay.viz.rows.HistoryRenderer;
import dev.assay.viz.rows.JavaValueRenderers;
import dev.assay.viz.rows.LabelsRenderer;
import dev.assay.viz.rows.LeakageRenderer;
import dev.assay.viz.rows.PinnedRenderer;
import dev.assay.viz.rows.SampleRenderer;
import dev.assay.viz.rows.SplitRenderer;
import dev.assay.viz.rows.SuggestionRenderer;
import dev.assay.viz.rows.VersionHistoryRenderer;
import dev.assay.viz.table.DatasetRenderer;
import dev.assay.viz.table.LoadedPinRenderer;
import dev.assay.viz.table.LoadedRenderer;
import dev.assay.viz.table.TableRenderer;
import java.awt.image.RenderedImage;
import java.util.Collection;
import java.util.Map;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The renderers Assay comes with: one line per result type, then the fallbacks for records,
 * maps, collections and arrays. {@link RendererRegistry#withDefaults()} and the kernel's
 * built-in extension both register these.
 */
public final class BuiltInRenderers {

    private BuiltInRenderers() {
    }

    public static void registerInto(RendererTarget target) {
        target.register(MimeBundle.class, bundle -> bundle);
        target.register(Displayable.class, Displayable::toMimeBundle);
        target.register(RenderedImage.class, new ImageRenderer());
        target.register(Chart.class, ImageRenderer::chart);
        target.register(TablePreview.class, new TableRenderer());
        target.register(Dataset.class, new DatasetRenderer());
        target.register(Loaded.class, new LoadedRenderer());
        target.register(Profile.class, new ProfileRenderer());
        target.register(Duplicates.class, new DuplicatesRenderer());
        target.register(Deduplicated.class, new DeduplicatedRenderer());
        target.register(Leakage.class, new LeakageRenderer());
        target.register(Labels.class, new LabelsRenderer());
        target.register(Correlations.class, new CorrelationsRenderer());
        target.register(SplitResult.class, new SplitRenderer());
        target.register(Sampled.class, new SampleRenderer());
        target.register(EngineUse.class, new EngineUseRenderer());
        target.register(Copied.class, new CopiedRenderer());
        target.register(Drift.class, new DriftRenderer());
        target.register(Pinned.class, new PinnedRenderer());
        target.register(VersionHistory.class, new VersionHistoryRenderer());
        target.register(MetricHistory.class, new HistoryRenderer());
        target.register(GcReport.class, new GcReportRenderer());
        target.register(LoadedPin.class, new LoadedPinRenderer());
        target.register(DatasetDiff.class, new DatasetDiffRenderer());
        target.register(CheckResult.class, new CheckResultRenderer());
        target.register(Suggestion.class, new SuggestionRenderer());
        target.register(QualityReport.class, new ReportRenderer());
        target.registerFallback(Record.class, JavaValueRenderers.records());
        target.registerFallback(Map.class, JavaValueRenderers.maps());
        target.registerFallback(Collection.class, JavaValueRenderers.collections());
        target.registerFallback(Object[].class, JavaValueRenderers.arrays());
    }
}
