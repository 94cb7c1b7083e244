package dev.tributary.shredder;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a shredding pass counted: events and lines per outcome, rows per type folder, the type folders written
 * with their target schema, and the smallest/largest collector_tstamp of the good events. Mergeable, so each
 * task keeps its own and Spark adds them up ({@link ShredStatsAccumulator}).
 */
public final class ShredStats implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String LINES = "lines read";
    public static final String GOOD = "good events";
    public static final String BAD_PARSING = "bad rows loader_parsing_error";
    public static final String BAD_IGLU = "bad rows loader_iglu_error";
    public static final String NATURAL_DUPLICATES = "natural duplicates dropped";
    public static final String SYNTHETIC_DUPLICATES = "synthetic duplicates re-identified";

    private final TreeMap<String, Long> counts = new TreeMap<>();
    private final TreeMap<String, Long> rowsPerFolder = new TreeMap<>();
    private final TreeMap<String, String> targetPerFolder = new TreeMap<>();
    private long minCollectorMillis = Long.MAX_VALUE;
    private long maxCollectorMillis = Long.MIN_VALUE;

    public void count(String what) {
        counts.merge(what, 1L, Long::sum);
    }

    public void row(String folder, String targetUri) {
        rowsPerFolder.merge(folder, 1L, Long::sum);
        targetPerFolder.put(folder, targetUri);
    }

    public void collectorTstamp(long epochMillis) {
        minCollectorMillis = Math.min(minCollectorMillis, epochMillis);
        maxCollectorMillis = Math.max(maxCollectorMillis, epochMillis);
    }

    public void merge(ShredStats other) {
        other.counts.forEach((k, v) -> counts.merge(k, v, Long::sum));
        other.rowsPerFolder.forEach((k, v) -> rowsPerFolder.merge(k, v, Long::sum));
        targetPerFolder.putAll(other.targetPerFolder);
        minCollectorMillis = Math.min(minCollectorMillis, other.minCollectorMillis);
        maxCollectorMillis = Math.max(maxCollectorMillis, other.maxCollectorMillis);
    }

    public ShredStats copy() {
        ShredStats copy = new ShredStats();
        copy.merge(this);
        return copy;
    }

    public boolean isEmpty() {
        return counts.isEmpty() && rowsPerFolder.isEmpty() && minCollectorMillis == Long.MAX_VALUE;
    }

    public long get(String what) {
        return counts.getOrDefault(what, 0L);
    }

    public Map<String, Long> counts() {
        return counts;
    }

    /** Rows per relative folder ({@code atomic-events}, {@code shredded-types/...}). */
    public Map<String, Long> rowsPerFolder() {
        return rowsPerFolder;
    }

    /** The target schema URI of each type folder written. */
    public Map<String, String> targetPerFolder() {
        return targetPerFolder;
    }

    /** Epoch millis, or null when no good event was seen. */
    public Long minCollectorMillis() {
        return minCollectorMillis == Long.MAX_VALUE ? null : minCollectorMillis;
    }

    public Long maxCollectorMillis() {
        return maxCollectorMillis == Long.MIN_VALUE ? null : maxCollectorMillis;
    }
}
