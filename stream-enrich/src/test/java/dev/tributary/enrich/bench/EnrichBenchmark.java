package dev.tributary.enrich.bench;

import dev.tributary.enrich.app.EnrichPipeline;
import dev.tributary.enrich.config.EnrichConfig;
import dev.tributary.enrich.enrichments.DefaultEnrichments;
import dev.tributary.enrich.enrichments.EnrichmentChain;
import dev.tributary.enrich.topology.EnrichMetrics;
import dev.tributary.enrich.topology.EnrichTopology;
import dev.tributary.infra.kafka.EmbeddedKafka;
import dev.tributary.infra.registry.SchemaRegistryServer;
import dev.tributary.schemas.avro.CollectorPayload;
import dev.tributary.schemas.iglu.Resolver;
import dev.tributary.schemas.serde.AvroDeserializer;
import dev.tributary.schemas.serde.AvroSerdeConfig;
import dev.tributary.schemas.serde.AvroSerializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Throughput of the full stream-enrich topology (default enrichments) against a passthrough topology (Avro
 * deserialise + re-serialise only) on the same raw input, on a real in-process broker with exactly_once_v2, for
 * 1 and 2 stream threads. Not a test: run it with
 * {@code mvn -pl stream-enrich -am test-compile exec:java ...} as docs/benchmarks.md shows.
 *
 * <p>Args: {@code [records=1000000] [threads=1,2]}. Throughput is records / (time of the last record processed -
 * time of the first), so broker start-up and the first rebalance are not counted; each variant is first warmed up
 * in-process on the first 20,000 records (JIT, YAUAA's lazily built matchers).
 */
public final class EnrichBenchmark {

    private static final String RAW = "bench-raw";
    private static final int PARTITIONS = 4;
    private static final int WARM_UP = 20_000;
    /** The first raw records, kept to warm each variant up (JIT, caches, lazy initialisation) before it is timed. */
    private static final List<byte[]> SAMPLE = new ArrayList<>();

    private EnrichBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        List<Integer> threadCounts = new ArrayList<>();
        for (String t : (args.length > 1 ? args[1] : "1,2").split(",")) {
            threadCounts.add(Integer.parseInt(t.trim()));
        }
        Path work = Files.createTempDirectory("enrich-bench");
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(work.resolve("kafka")).start();
             SchemaRegistryServer registry = SchemaRegistryServer.builder(kafka.bootstrapServers()).start()) {
            kafka.createTopic(RAW, PARTITIONS);
            long produceStart = System.nanoTime();
            produce(kafka.bootstrapServers(), registry.url(), records);
            System.out.printf(Locale.ROOT, "produced %d raw payloads in %.1f s%n", records,
                    (System.nanoTime() - produceStart) / 1e9);
            Path enrichments = DefaultEnrichments.copyTo(work.resolve("enrichments"));
            List<String> rows = new ArrayList<>();
            for (int threads : threadCounts) {
                double passthrough = run(kafka, registry, work, "passthrough", threads, records, null);
                double full;
                try (EnrichmentChain chain = EnrichmentChain.load(enrichments, Resolver.bundled())) {
                    full = run(kafka, registry, work, "full", threads, records, chain);
                }
                rows.add(String.format(Locale.ROOT, "| %d | %,.0f | %,.0f | %.2f |", threads, passthrough, full,
                        full / passthrough));
            }
            System.out.println();
            System.out.println("| stream threads | passthrough events/s | full enrichment events/s | ratio |");
            System.out.println("|---|---|---|---|");
            rows.forEach(System.out::println);
        }
    }

    private static double run(EmbeddedKafka kafka, SchemaRegistryServer registry, Path work, String variant,
                              int threads, int records, EnrichmentChain chain) throws Exception {
        String id = "bench-" + variant + "-" + threads;
        for (String suffix : List.of("-good", "-bad")) {
            kafka.createTopic(id + suffix, PARTITIONS);
        }
        Map<String, Object> serde = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url(),
                AvroSerdeConfig.SPECIFIC_TYPE, CollectorPayload.class.getName());
        AvroDeserializer<CollectorPayload> deserializer = new AvroDeserializer<>();
        deserializer.configure(serde, false);
        Topology topology;
        LongSupplier processed;
        if (chain == null) {
            AvroSerializer<CollectorPayload> serializer = new AvroSerializer<>();
            serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url()), false);
            AtomicLong count = new AtomicLong();
            StreamsBuilder builder = new StreamsBuilder();
            builder.stream(RAW, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                    .mapValues(v -> {
                        count.incrementAndGet();
                        return serializer.serialize(id + "-good", deserializer.deserialize(RAW, v));
                    })
                    .to(id + "-good", Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
            topology = builder.build();
            processed = count::get;
            SAMPLE.forEach(v -> serializer.serialize(id + "-warm-up", deserializer.deserialize(RAW, v)));
        } else {
            EnrichMetrics metrics = new EnrichMetrics(new SimpleMeterRegistry());
            var processor = EnrichPipeline.processor(deserializer, Resolver.bundled(), chain, Clock.systemUTC());
            topology = EnrichTopology.build(new EnrichConfig.Topics(RAW, id + "-good", id + "-bad",
                    Optional.empty(), Optional.empty()), EnrichConfig.PartitionKey.EVENT_ID, processor, metrics,
                    Optional.empty(), EnrichPipeline.defaultSafeguards(Clock.systemUTC()));
            processed = () -> (long) metrics.rawCount();
            // YAUAA builds its matchers lazily on first use; steady-state throughput is what is measured.
            SAMPLE.forEach(v -> processor.process(RAW, v));
        }
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, id);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.STATE_DIR_CONFIG, work.resolve("state-" + id).toString());
        props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        try (KafkaStreams streams = new KafkaStreams(topology, props)) {
            streams.start();
            long first = 0;
            while (processed.getAsLong() == 0) {
                Thread.onSpinWait();
                Thread.sleep(1);
            }
            first = System.nanoTime();
            while (processed.getAsLong() < records) {
                Thread.sleep(5);
            }
            long last = System.nanoTime();
            double perSecond = records / ((last - first) / 1e9);
            System.out.printf(Locale.ROOT, "%-12s threads=%d %,d records in %.1f s: %,.0f events/s%n", variant,
                    threads, records, (last - first) / 1e9, perSecond);
            return perSecond;
        }
    }

    /** A realistic mix: page views 50%, page pings 25%, structured 10%, self-describing (tp2 POST) 15%. */
    private static void produce(String bootstrap, String registryUrl, int records) {
        Random random = new Random(42);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        AvroSerializer<CollectorPayload> avro = new AvroSerializer<>();
        avro.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
        String[] agents = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15",
            "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36"};
        Instant now = Instant.now();
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < records; i++) {
                int kind = random.nextInt(100);
                String common = "p=web&tv=js-3.17.0&tna=sp&aid=shop&duid=" + UUID.randomUUID()
                        + "&vid=" + (1 + random.nextInt(20)) + "&sid=" + UUID.randomUUID()
                        + "&dtm=" + (now.toEpochMilli() - 2000) + "&stm=" + (now.toEpochMilli() - 500)
                        + "&res=1920x1080&vp=1280x720&cd=24&lang=en-GB&cookie=1&cs=UTF-8"
                        + "&url=" + enc("https://shop.example.com/products/" + random.nextInt(500)
                        + "?utm_source=news&utm_medium=email&utm_campaign=c" + random.nextInt(10))
                        + "&refr=" + enc("https://www.google.com/search?q=shoes");
                CollectorPayload.Builder payload = CollectorPayload.newBuilder()
                        .setSchema$("iglu:com.snowplowanalytics.snowplow/CollectorPayload/thrift/1-0-0")
                        .setIpAddress("198.51.100." + random.nextInt(255))
                        .setTimestamp(now).setEncoding("UTF-8").setCollector("tributary-collector-0.1.0-kafka")
                        .setUserAgent(agents[random.nextInt(agents.length)])
                        .setNetworkUserId(UUID.randomUUID().toString())
                        .setHostname("collector.example.com")
                        .setHeaders(List.of("Host: collector.example.com", "Cookie: sp=" + UUID.randomUUID()));
                if (kind < 50) {
                    payload.setPath("/i").setQuerystring("e=pv&page=Product&" + common);
                } else if (kind < 75) {
                    payload.setPath("/i").setQuerystring("e=pp&pp_mix=0&pp_max=100&pp_miy=0&pp_may=" + random.nextInt(3000)
                            + "&" + common);
                } else if (kind < 85) {
                    payload.setPath("/i").setQuerystring("e=se&se_ca=cart&se_ac=add&se_la=sku-" + random.nextInt(500)
                            + "&se_va=" + random.nextInt(100) + "&" + common);
                } else {
                    String ue = "{\"schema\":\"iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0\","
                            + "\"data\":{\"schema\":\"iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1\","
                            + "\"data\":{\"targetUrl\":\"https://shop.example.com/p/" + random.nextInt(500) + "\"}}}";
                    String cx = "{\"schema\":\"iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-0\","
                            + "\"data\":[{\"schema\":\"iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0\","
                            + "\"data\":{\"id\":\"" + UUID.randomUUID() + "\"}}]}";
                    String body = "{\"schema\":\"iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4\","
                            + "\"data\":[{\"e\":\"ue\",\"p\":\"web\",\"tv\":\"js-3.17.0\",\"aid\":\"shop\","
                            + "\"url\":\"https://shop.example.com/\",\"ue_px\":\""
                            + Base64.getUrlEncoder().withoutPadding().encodeToString(ue.getBytes(StandardCharsets.UTF_8))
                            + "\",\"cx\":\""
                            + Base64.getUrlEncoder().withoutPadding().encodeToString(cx.getBytes(StandardCharsets.UTF_8))
                            + "\"}]}";
                    payload.setPath("/com.snowplowanalytics.snowplow/tp2").setContentType("application/json")
                            .setBody(body);
                }
                byte[] value = avro.serialize(RAW, payload.build());
                if (SAMPLE.size() < WARM_UP) {
                    SAMPLE.add(value);
                }
                producer.send(new ProducerRecord<>(RAW, value));
            }
            producer.flush();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
