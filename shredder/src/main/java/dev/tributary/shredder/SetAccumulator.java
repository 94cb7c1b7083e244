package dev.tributary.shredder;

import org.apache.spark.util.AccumulatorV2;

import java.util.HashSet;
import java.util.Set;

/** A set of strings gathered from every task; a retried task adds nothing new. */
public final class SetAccumulator extends AccumulatorV2<Set<String>, Set<String>> {

    private static final long serialVersionUID = 1L;

    private Set<String> values = new HashSet<>();

    @Override
    public boolean isZero() {
        return values.isEmpty();
    }

    @Override
    public AccumulatorV2<Set<String>, Set<String>> copy() {
        SetAccumulator copy = new SetAccumulator();
        copy.values = new HashSet<>(values);
        return copy;
    }

    @Override
    public void reset() {
        values = new HashSet<>();
    }

    @Override
    public void add(Set<String> v) {
        values.addAll(v);
    }

    @Override
    public void merge(AccumulatorV2<Set<String>, Set<String>> other) {
        values.addAll(other.value());
    }

    @Override
    public Set<String> value() {
        return values;
    }
}
