package dev.assay.dsl.check;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.profile.ColumnKind;
import dev.assay.dsl.profile.NumberAggregates;
import dev.assay.dsl.profile.Outliers;
import dev.assay.dsl.scan.Aggregates;
import dev.assay.dsl.scan.Handle;
import java.util.List;

/**
 * {@code outliers(col)}: values of a number column outside [Q1 - 1.5 IQR, Q3 + 1.5 IQR], as
 * {@code profile} counts them ({@code iqr_outliers}); percent of the values present.
 */
public record OutlierCount(String column, boolean inPercent) implements Measure {

    @Override
    public String name() {
        return "outliers";
    }

    @Override
    public List<String> arguments() {
        return List.of(column);
    }

    @Override
    public Measure percent() {
        return new OutlierCount(column, true);
    }

    @Override
    public Reading plan(Rule rule, CheckTarget data) {
        Column c = Readings.columnOf(data, this, column, ColumnKind.NUMERIC, "a number");
        Handle<Outliers> outliers = data.aggregate(c, NumberAggregates.iqrOutliers());
        Handle<Long> values = data.aggregate(c, Aggregates.count());
        return Readings.count(rule, () -> outliers.get() == null ? 0 : outliers.get().count(), values::get,
                "'" + c.name() + "'");
    }

    /** The profile's {@code iqr_outliers}; as a percentage, of the values present ({@code count}). */
    @Override
    public MetricValue metricValue() {
        MetricValue outliers = MetricValue.field(column, "iqr_outliers");
        return inPercent ? MetricValue.share(outliers, MetricValue.field(column, "count")) : outliers;
    }
}
