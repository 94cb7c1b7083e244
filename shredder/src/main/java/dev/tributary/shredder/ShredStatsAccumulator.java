package dev.tributary.shredder;

import org.apache.spark.util.AccumulatorV2;

/**
 * Adds up the {@link ShredStats} of every task. Tasks add their whole partition's stats once, when their
 * iterator is exhausted. Like every Spark accumulator updated inside a transformation, a task that is retried
 * (or run speculatively) adds its counts again; the type list and the min/max are unaffected.
 */
public final class ShredStatsAccumulator extends AccumulatorV2<ShredStats, ShredStats> {

    private static final long serialVersionUID = 1L;

    private ShredStats stats = new ShredStats();

    @Override
    public boolean isZero() {
        return stats.isEmpty();
    }

    @Override
    public AccumulatorV2<ShredStats, ShredStats> copy() {
        ShredStatsAccumulator copy = new ShredStatsAccumulator();
        copy.stats = stats.copy();
        return copy;
    }

    @Override
    public void reset() {
        stats = new ShredStats();
    }

    @Override
    public void add(ShredStats v) {
        stats.merge(v);
    }

    @Override
    public void merge(AccumulatorV2<ShredStats, ShredStats> other) {
        stats.merge(other.value());
    }

    @Override
    public ShredStats value() {
        return stats;
    }
}
