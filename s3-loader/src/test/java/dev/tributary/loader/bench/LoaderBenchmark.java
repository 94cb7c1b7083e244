package dev.tributary.loader.bench;

import dev.tributary.infra.kafka.EmbeddedKafka;
import dev.tributary.infra.s3.EmbeddedS3;
import dev.tributary.infra.s3.S3Clients;
import dev.tributary.loader.S3Loader;
import dev.tributary.loader.config.BufferConfig;
import dev.tributary.loader.config.EncryptionConfig;
import dev.tributary.loader.config.InputFormat;
import dev.tributary.loader.config.LoaderConfig;
import dev.tributary.loader.config.Purpose;
import dev.tributary.loader.config.RetryConfig;
import dev.tributary.loader.config.S3Output;
import dev.tributary.loader.config.TimeSource;
import dev.tributary.schemas.enriched.EnrichedField;
import dev.tributary.schemas.enriched.EnrichedTsv;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Loader throughput against the AWS SDK uploading the same bytes, in one run on one machine. Not a test: run it with
 * the command in docs/benchmarks.md. Argument: megabytes of enriched TSV to pre-fill (default 1024).
 *
 * <p>Phases: (1) pre-fill a 3-partition topic with realistic enriched TSV lines; (2) the loader (SSE-S3, 64 MiB
 * buffers) drains it into the embedded S3 server, timed from start until every offset is committed, with heap sampled
 * every 20 ms; (3) baselines with the same number of upload threads: the SDK PUTs the loader's objects' uncompressed
 * content ("the same bytes") and, separately, their gzip bodies, each timed on upload only (bodies prepared first).
 */
public final class LoaderBenchmark {

    private static final String TOPIC = "bench";
    private static final String BUCKET = "bench";

    public static void main(String[] args) throws Exception {
        long targetBytes = (args.length > 0 ? Long.parseLong(args[0]) : 1024L) * 1024 * 1024;
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().brokerProperty("log.segment.bytes", "536870912").start();
             EmbeddedS3 s3 = EmbeddedS3.builder().initialBuckets(BUCKET).build().start();
             S3Client client = S3Clients.builder(s3).httpClient(UrlConnectionHttpClient.create()).build()) {
            kafka.createTopic(TOPIC, 3);
            long[] filled = prefill(kafka.bootstrapServers(), targetBytes);
            long records = filled[0];
            long lineBytes = filled[1];
            System.out.printf("prefilled: %d records, %.1f MiB of TSV (%.0f bytes/line)%n", records,
                    lineBytes / 1048576.0, lineBytes / (double) records);

            LoaderConfig config = new LoaderConfig("bench", Purpose.ENRICHED_EVENTS,
                    new LoaderConfig.Input(kafka.bootstrapServers(), TOPIC, "bench", InputFormat.TSV, Optional.empty(),
                            Map.of("max.poll.records", "5000", "fetch.max.bytes", "67108864",
                                    "max.partition.fetch.bytes", "16777216")),
                    new S3Output(BUCKET, "enriched", "{yyyy}/{MM}/{dd}/{HH}", s3.region(), Optional.of(s3.endpoint()),
                            true, 16L * 1024 * 1024, 8L * 1024 * 1024, TimeSource.COLLECTOR),
                    EncryptionConfig.sseS3(),
                    new BufferConfig(1_000_000, 32L * 1024 * 1024, Duration.ofSeconds(2),
                            Integer.getInteger("bench.gzip-level", BufferConfig.DEFAULT_GZIP_LEVEL)),
                    new RetryConfig(Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(60)),
                    "bench-bad", Map.of());

            double readSeconds = readOnly(kafka.bootstrapServers(), records);
            System.out.printf("kafka read only:   %.1f s, %.1f MiB/s (one plain consumer, no processing)%n", readSeconds,
                    lineBytes / 1048576.0 / readSeconds);
            // The S3 server initialises its servlet on the first request: not part of the loader's time.
            client.putObject(b -> b.bucket(BUCKET).key("warm-up"), RequestBody.fromString("warm-up"));
            HeapSampler heap = new HeapSampler();
            heap.start();
            long start = System.nanoTime();
            double loaderSeconds;
            try (S3Loader loader = S3Loader.start(config, client);
                 Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                         kafka.bootstrapServers()))) {
                while (!loader.assigned()) {
                    Thread.sleep(5);
                }
                System.out.printf("loader started and assigned after %.1f s%n", (System.nanoTime() - start) / 1e9);
                while (committed(admin) < records) {
                    Thread.sleep(20);
                }
                // Timed up to the last commit; the clean shutdown afterwards is not part of the throughput.
                loaderSeconds = (System.nanoTime() - start) / 1e9;
                heap.stop();
                loader.metrics().registry().find("loader.rotations").counters().forEach(c ->
                        System.out.printf("rotations %s: %.0f%n", c.getId().getTag("reason"), c.count()));
            }

            List<S3Object> objects = client.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix("enriched/"))
                    .contents().stream().filter(o -> o.key().endsWith(".gz")).toList();
            long gzBytes = objects.stream().mapToLong(S3Object::size).sum();
            int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
            double rawSeconds = baseline(client, objects, threads, true);
            double gzSeconds = baseline(client, objects, threads, false);

            double loaderMbs = lineBytes / 1048576.0 / loaderSeconds;
            double rawMbs = lineBytes / 1048576.0 / rawSeconds;
            double gzMbs = lineBytes / 1048576.0 / gzSeconds;
            System.out.printf("objects: %d, gzip %.1f MiB (ratio %.2f)%n", objects.size(), gzBytes / 1048576.0,
                    gzBytes / (double) lineBytes);
            System.out.printf("loader:            %.1f s, %.1f MiB/s of TSV, %.0f records/s, peak heap used %.0f MiB "
                    + "(whole JVM incl. broker and S3 server; max %.0f MiB)%n", loaderSeconds, loaderMbs,
                    records / loaderSeconds, heap.peak() / 1048576.0,
                    Runtime.getRuntime().maxMemory() / 1048576.0);
            System.out.printf("sdk, same bytes:   %.1f s, %.1f MiB/s (%d threads, uncompressed, SSE-S3)%n", rawSeconds,
                    rawMbs, threads);
            System.out.printf("sdk, gzip bodies:  %.1f s, %.1f MiB/s of TSV equivalent%n", gzSeconds, gzMbs);
            System.out.printf("ratio loader / sdk same bytes: %.2f; loader / sdk gzip bodies: %.2f%n",
                    loaderMbs / rawMbs, loaderMbs / gzMbs);
        }
    }

    private static long[] prefill(String bootstrap, long targetBytes) throws Exception {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 1 << 20);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.ACKS_CONFIG, "1");
        Random random = new Random(2026);
        long bytes = 0;
        long count = 0;
        Instant t = Instant.parse("2026-06-01T10:00:00Z");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            while (bytes < targetBytes) {
                byte[] line = line(random, t.plusMillis(count * 10)).getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(TOPIC, (int) (count % 3), null, line));
                bytes += line.length + 1;
                count++;
            }
            producer.flush();
        }
        return new long[] {count, bytes};
    }

    /** An enriched line shaped like a page view from a browser tracker (~1.2 KB). */
    private static String line(Random r, Instant collector) {
        String[] f = new String[EnrichedField.COUNT];
        Arrays.fill(f, "");
        f[EnrichedField.APP_ID.position()] = "shop-" + r.nextInt(5);
        f[EnrichedField.COLLECTOR_TSTAMP.position()] = EnrichedTsv.formatTimestamp(collector);
        f[EnrichedField.EVENT_ID.position()] = new UUID(r.nextLong(), r.nextLong()).toString();
        f[EnrichedField.NAME_TRACKER.position()] = "sp";
        f[EnrichedField.SE_LABEL.position()] = "https://shop.example.com/p/" + r.nextInt(100_000) + "?ref=campaign-"
                + r.nextInt(50) + "&utm_source=newsletter&utm_medium=email";
        f[0 + 2] = EnrichedTsv.formatTimestamp(collector.plusMillis(800)); // etl_tstamp
        for (int i = 10; i < 40; i++) {
            if (f[i].isEmpty()) {
                f[i] = Integer.toString(r.nextInt(1_000_000));
            }
        }
        f[EnrichedField.COUNT - 10] = "{\"schema\":\"iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-0\","
                + "\"data\":[{\"schema\":\"iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0\","
                + "\"data\":{\"id\":\"" + new UUID(r.nextLong(), r.nextLong()) + "\"}},{\"schema\":"
                + "\"iglu:org.w3/PerformanceTiming/jsonschema/1-0-0\",\"data\":{\"navigationStart\":"
                + (1_700_000_000_000L + r.nextInt(1_000_000)) + ",\"loadEventEnd\":" + r.nextInt(5000) + "}}]}";
        f[EnrichedField.COUNT - 20] = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, "
                + "like Gecko) Version/17." + r.nextInt(5) + " Safari/605.1.15";
        return String.join("\t", f);
    }

    private static double readOnly(String bootstrap, long records) {
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrap.servers", bootstrap);
        p.put("group.id", "bench-read-only");
        p.put("auto.offset.reset", "earliest");
        p.put("max.poll.records", 5000);
        p.put("fetch.max.bytes", 67108864);
        p.put("max.partition.fetch.bytes", 16777216);
        long start = System.nanoTime();
        long seen = 0;
        long sink = 0;
        try (org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]> c =
                     new org.apache.kafka.clients.consumer.KafkaConsumer<>(p,
                             new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                             new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            c.subscribe(List.of(TOPIC));
            while (seen < records) {
                for (var r : c.poll(Duration.ofMillis(200))) {
                    seen++;
                    sink += r.value().length;
                }
            }
        }
        if (sink == 0) {
            throw new IllegalStateException("read nothing");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static long committed(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("bench")
                .partitionsToOffsetAndMetadata().get();
        return offsets.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
    }

    /** Uploads the objects' content again under other keys, timing only the PUTs, in rounds of at most 512 MiB. */
    private static double baseline(S3Client client, List<S3Object> objects, int threads, boolean uncompressed)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        double seconds = 0;
        try {
            int i = 0;
            while (i < objects.size()) {
                List<byte[]> bodies = new ArrayList<>();
                List<String> keys = new ArrayList<>();
                long held = 0;
                while (i < objects.size() && held < 512L * 1024 * 1024) {
                    byte[] gz = client.getObjectAsBytes(GetObjectRequest.builder().bucket(BUCKET)
                            .key(objects.get(i).key()).build()).asByteArray();
                    byte[] body = uncompressed ? gunzip(gz) : gz;
                    bodies.add(body);
                    keys.add((uncompressed ? "baseline-raw/" : "baseline-gz/") + i);
                    held += body.length;
                    i++;
                }
                long start = System.nanoTime();
                List<Future<?>> puts = new ArrayList<>();
                for (int k = 0; k < bodies.size(); k++) {
                    byte[] body = bodies.get(k);
                    String key = keys.get(k);
                    puts.add(pool.submit(() -> client.putObject(PutObjectRequest.builder().bucket(BUCKET).key(key)
                            .serverSideEncryption(ServerSideEncryption.AES256).build(), RequestBody.fromBytes(body))));
                }
                for (Future<?> f : puts) {
                    f.get();
                }
                seconds += (System.nanoTime() - start) / 1e9;
            }
        } finally {
            pool.shutdown();
        }
        return seconds;
    }

    private static byte[] gunzip(byte[] gz) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    private static final class HeapSampler {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private final Thread thread = new Thread(() -> {
            while (running) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");

        void start() {
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            running = false;
        }

        long peak() {
            return peak.get();
        }
    }
}
