package dev.tributary.loader.metrics;

import dev.tributary.loader.buffer.RotationReason;
import dev.tributary.loader.upload.RetryListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The loader's meters, tagged with its name and purpose. Prometheus names: {@code loader_records_total},
 * {@code loader_line_bytes_total}, {@code loader_object_bytes_total}, {@code loader_objects_total{outcome}},
 * {@code loader_upload_seconds}, {@code loader_retries_total{operation}}, {@code loader_rotations_total{reason}},
 * {@code loader_bad_rows_total}, {@code loader_commits_total}, {@code loader_lag_records},
 * {@code loader_paused_partitions}.
 */
public final class LoaderMetrics implements RetryListener {

    private final MeterRegistry registry;
    private final Tags tags;
    private final Counter records;
    private final Counter lineBytes;
    private final Counter objectBytes;
    private final Counter badRows;
    private final Counter commits;
    private final Timer upload;
    private final AtomicLong lag = new AtomicLong();
    private final AtomicLong paused = new AtomicLong();

    public LoaderMetrics(MeterRegistry registry, String loader, String purpose) {
        this.registry = registry;
        this.tags = Tags.of("loader", loader, "purpose", purpose);
        this.records = Counter.builder("loader.records").description("records consumed and written or sent to bad")
                .tags(tags).register(registry);
        this.lineBytes = Counter.builder("loader.line.bytes").description("uncompressed bytes written, newlines included")
                .tags(tags).register(registry);
        this.objectBytes = Counter.builder("loader.object.bytes").description("gzip bytes written to S3")
                .tags(tags).register(registry);
        this.badRows = Counter.builder("loader.bad.rows").description("generic_error bad rows sent")
                .tags(tags).register(registry);
        this.commits = Counter.builder("loader.commits").description("offset commits").tags(tags).register(registry);
        this.upload = Timer.builder("loader.upload").description("time to write one batch, retries included")
                .tags(tags).register(registry);
        Gauge.builder("loader.lag.records", lag, AtomicLong::get).description("records behind the end of the log")
                .tags(tags).register(registry);
        Gauge.builder("loader.paused.partitions", paused, AtomicLong::get)
                .description("partitions paused because uploads are behind").tags(tags).register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void batchWritten(int recordCount, long lines, long compressed, Duration took) {
        records.increment(recordCount);
        lineBytes.increment(lines);
        objectBytes.increment(compressed);
        upload.record(took);
    }

    public void object(boolean alreadyStored) {
        Counter.builder("loader.objects").description("objects written, or found already stored on replay")
                .tags(tags).tag("outcome", alreadyStored ? "already_stored" : "written").register(registry).increment();
    }

    public void rotation(RotationReason reason) {
        Counter.builder("loader.rotations").description("buffers turned into objects, by reason")
                .tags(tags).tag("reason", reason.tag()).register(registry).increment();
    }

    public void badRow() {
        badRows.increment();
    }

    public void committed() {
        commits.increment();
    }

    public void lag(long records) {
        lag.set(records);
    }

    public void paused(long partitions) {
        paused.set(partitions);
    }

    @Override
    public void onRetry(String operation, int attempt, Throwable failure) {
        Counter.builder("loader.retries").description("S3 calls retried after a transient failure")
                .tags(tags).tag("operation", operation).register(registry).increment();
    }

    public double retries() {
        return registry.find("loader.retries").tags(tags).counters().stream().mapToDouble(Counter::count).sum();
    }
}
