package dev.assay.dsl.profile;

import dev.assay.dsl.engine.SqlDialect;
import dev.assay.dsl.scan.Aggregate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The count per bin of a binning, as numpy's histogram counts: the index from arithmetic
 * (computed once per row, as the scan's prepared value), then corrected by one against the
 * exact edges, so that a value on an edge falls where numpy puts it.
 */
final class BinCounts implements Aggregate<long[]> {

    private final Binning binning;

    BinCounts(Binning binning) {
        this.binning = binning;
    }

    @Override
    public String key() {
        return "bins:" + binning.binned() + ":" + Arrays.toString(binning.edges());
    }

    @Override
    public Over over() {
        return Over.KEYS;
    }

    /** The value binned, as a DOUBLE. */
    private String binned(SqlDialect d, String value) {
        return d.castDouble(switch (binning.binned()) {
            case VALUE -> value;
            case EPOCH_MICROS -> d.epochMicros(value);
            case LENGTH -> d.charLength(value);
        });
    }

    @Override
    public String prepared(SqlDialect d, String value) {
        return Histogram.rawBinSql(d, binned(d, value), binning.edges());
    }

    @Override
    public String sql(SqlDialect d, String value) {
        return Histogram.binIndexSql(d, binned(d, value), binning.edges());
    }

    @Override
    public String sql(SqlDialect d, String value, String prepared) {
        return Histogram.binIndexSql(d, binned(d, value), prepared, binning.edges());
    }

    @Override
    public long[] read(Object raw) {
        long[] counts = new long[binning.bins()];
        for (Object entry : raw == null ? List.of() : (List<?>) raw) {
            Map<?, ?> pair = (Map<?, ?>) entry;
            counts[((Number) pair.get("key")).intValue()] = ((Number) pair.get("value")).longValue();
        }
        return counts;
    }
}
