package dev.tributary.enrich.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counters of what stream-enrich wrote: good events, bad rows by bad-row type, pii events, raw records read. */
public final class EnrichMetrics {

    private final MeterRegistry registry;
    private final Counter raw;
    private final Counter good;
    private final Counter pii;
    private final Map<String, Counter> bad = new ConcurrentHashMap<>();

    public EnrichMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.raw = Counter.builder("enrich.raw.records").description("Raw collector payloads read")
                .register(registry);
        this.good = Counter.builder("enrich.good.events").description("Enriched events written")
                .register(registry);
        this.pii = Counter.builder("enrich.pii.events").description("pii_transformation events written")
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

    public double rawCount() {
        return raw.count();
    }

    public double goodCount() {
        return good.count();
    }

    public double badCount() {
        return bad.values().stream().mapToDouble(Counter::count).sum();
    }

    public double piiCount() {
        return pii.count();
    }
}
