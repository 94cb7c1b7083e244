package dev.tributary.collector;

import dev.tributary.collector.config.CollectorConfig;
import dev.tributary.infra.kafka.EmbeddedKafka;
import dev.tributary.infra.registry.SchemaRegistryServer;
import dev.tributary.runtime.config.ConfigLoader;
import dev.tributary.schemas.avro.CollectorPayload;
import dev.tributary.schemas.registry.HttpSchemaRegistryClient;
import dev.tributary.schemas.serde.AvroDeserializer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A real broker, a real registry and a collector against them, plus readers for the raw and bad topics.
 * One kit per test class; tests tell their records apart by unique markers in the request.
 */
public final class CollectorTestKit implements AutoCloseable {

    public static final String RAW = "raw";
    public static final String BAD = "bad";

    public final EmbeddedKafka kafka;
    public final SchemaRegistryServer registry;
    public final CollectorServer collector;
    public final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AvroDeserializer<CollectorPayload> deserializer;

    private CollectorTestKit(EmbeddedKafka kafka, SchemaRegistryServer registry, CollectorServer collector) {
        this.kafka = kafka;
        this.registry = registry;
        this.collector = collector;
        this.deserializer = new AvroDeserializer<>(CollectorPayload.class,
                new HttpSchemaRegistryClient(URI.create(registry.url())));
    }

    /** Starts everything; {@code overrides} are collector config keys such as {@code "collector.cookie.name"}. */
    public static CollectorTestKit start(Map<String, ?> overrides) {
        return start(overrides, "");
    }

    /** As {@link #start(Map)}, plus HOCON text for keys a flat map cannot express (quoted keys with dots). */
    public static CollectorTestKit start(Map<String, ?> overrides, String hocon) {
        return start(EmbeddedKafka.builder().start(), overrides, hocon);
    }

    /** Against a broker the test controls (to stop and restart it); {@link #close} closes it too. */
    public static CollectorTestKit start(EmbeddedKafka kafka, Map<String, ?> overrides, String hocon) {
        kafka.createTopic(RAW, 3);
        kafka.createTopic(BAD, 1);
        SchemaRegistryServer registry = SchemaRegistryServer.builder(kafka.bootstrapServers()).start();
        CollectorServer collector = CollectorServer.start(config(kafka.bootstrapServers(), registry.url(), overrides, hocon));
        return new CollectorTestKit(kafka, registry, collector);
    }

    public static CollectorConfig config(String bootstrap, String registryUrl, Map<String, ?> overrides) {
        return config(bootstrap, registryUrl, overrides, "");
    }

    public static CollectorConfig config(String bootstrap, String registryUrl, Map<String, ?> overrides, String hocon) {
        Map<String, Object> all = new HashMap<>();
        all.put("collector.port", 0);
        all.put("collector.interface", "127.0.0.1");
        all.put("collector.sink.bootstrap-servers", bootstrap);
        all.put("collector.sink.schema-registry-url", registryUrl);
        all.put("collector.sink.linger", "1 ms");
        all.putAll(overrides);
        ConfigLoader loader = ConfigLoader.forService("collector", "collector").environment(Map.of());
        if (hocon.isBlank()) {
            return CollectorConfig.from(loader.overrides(all).load().requireKnownKeys().typed());
        }
        // HOCON text (quoted keys with dots) goes through the file layer, under the map of overrides.
        try {
            Path file = Files.createTempFile("collector-test", ".conf");
            try {
                Files.writeString(file, hocon);
                return CollectorConfig.from(loader.file(file).overrides(all).load().requireKnownKeys().typed());
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HttpResponse<String> get(String pathAndQuery, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(collector.url() + pathAndQuery)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    public HttpResponse<String> post(String path, String contentType, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(collector.url() + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
        } catch (Exception e) {
            throw new IllegalStateException("request failed: " + request, e);
        }
    }

    /** Every payload on the raw topic so far. */
    public List<CollectorPayload> raw() {
        return readAll(RAW).stream().map(r -> deserializer.deserialize(RAW, r.value())).collect(Collectors.toList());
    }

    /** Every raw payload whose query string or body contains {@code marker}. */
    public List<CollectorPayload> raw(String marker) {
        return raw().stream()
                .filter(p -> (p.getQuerystring() != null && p.getQuerystring().contains(marker))
                        || (p.getBody() != null && p.getBody().contains(marker)))
                .collect(Collectors.toList());
    }

    /** Every bad row (JSON line) so far. */
    public List<String> bad() {
        return readAll(BAD).stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).collect(Collectors.toList());
    }

    public List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        return kafka.readCommitted(topic);
    }

    @Override
    public void close() {
        collector.close();
        registry.close();
        kafka.close();
    }
}
