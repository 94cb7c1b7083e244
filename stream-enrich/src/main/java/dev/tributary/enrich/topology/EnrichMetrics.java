package dev.tributary.enrich.topology;

import dev.tributary.enrich.output.Destination;
import dev.tributary.enrich.output.RefusedRecords;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counters of what stream-enrich wrote: good events, bad rows by bad-row type, pii events, raw records read; and of
 * what went wrong on the way out: outputs replaced for their size, records Kafka refused, stream threads replaced.
 * Every tag comes from a closed set (bad row schema names, {@link Destination}, {@link RefusedRecords.Reason}).
 */
public final class EnrichMetrics {

    private final MeterRegistry registry;
    private final Counter raw;
    private final Counter good;
    private final Counter pii;
    private final Counter threadReplacements;
    private final Counter refusedSkipped;
    private final Map<String, Counter> bad = new ConcurrentHashMap<>();
    private final Map<Destination, Counter> oversized = new ConcurrentHashMap<>();
    private final Map<String, Counter> refused = new ConcurrentHashMap<>();

    public EnrichMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.raw = Counter.builder("enrich.raw.records").description("Raw collector payloads read")
                .register(registry);
        this.good = Counter.builder("enrich.good.events").description("Enriched events written")
                .register(registry);
        this.pii = Counter.builder("enrich.pii.events").description("pii_transformation events written")
                .register(registry);
        this.threadReplacements = Counter.builder("enrich.stream.thread.replacements")
                .description("Stream threads that died and were replaced").register(registry);
        this.refusedSkipped = Counter.builder("enrich.refused.records.skipped")
                .description("Raw records skipped after Kafka refused even their smallest replacement bad row")
                .register(registry);
    }

    void raw() {
        raw.increment();
    }

    void good() {
        good.increment();
    }

    void pii() {
        pii.increment();
    }

    void bad(String type) {
        bad.computeIfAbsent(type, t -> Counter.builder("enrich.bad.rows").description("Bad rows written")
                .tag("type", t).register(registry)).increment();
    }

    void oversized(Destination destination) {
        oversized.computeIfAbsent(destination, d -> Counter.builder("enrich.oversized.outputs")
                .description("Outputs replaced by a size_violation bad row because they exceeded the record limit")
                .tag("output", d.label()).register(registry)).increment();
    }

    void refusedSkipped() {
        refusedSkipped.increment();
    }

    /** Kafka refused a record stream-enrich tried to write (the last line of defence caught it). */
    public void refused(Destination destination, RefusedRecords.Reason reason) {
        refused.computeIfAbsent(destination.label() + "/" + reason.label(), k -> Counter.builder("enrich.refused.records")
                .description("Records Kafka refused to write; their raw record is replaced by a bad row on retry")
                .tag("output", destination.label()).tag("reason", reason.label()).register(registry)).increment();
    }

    public void threadReplaced() {
        threadReplacements.increment();
    }

    public double rawCount() {
        return raw.count();
    }

    public double goodCount() {
        return good.count();
    }

    public double badCount() {
        return bad.values().stream().mapToDouble(Counter::count).sum();
    }

    public double badCount(String type) {
        Counter counter = bad.get(type);
        return counter == null ? 0 : counter.count();
    }

    public double piiCount() {
        return pii.count();
    }

    public double oversizedCount() {
        return oversized.values().stream().mapToDouble(Counter::count).sum();
    }

    public double refusedCount() {
        return refused.values().stream().mapToDouble(Counter::count).sum();
    }

    public double threadReplacementCount() {
        return threadReplacements.count();
    }
}
