package dev.tributary.collector.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.collector.CollectorServer;
import dev.tributary.collector.CollectorTestKit;
import dev.tributary.schemas.avro.CollectorPayload;
import dev.tributary.schemas.registry.HttpSchemaRegistryClient;
import dev.tributary.schemas.serde.AvroDeserializer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Addresses in the payload and the partition key, end to end: {@code SP-Anonymous} leaves no address anywhere in
 * the record, and with {@code trusted-proxies} only a trusted peer's forwarding headers count.
 */
class ForwardingHeadersTest {

    static final String[] ALL_FORWARDING = {
            "X-Forwarded-For", "203.0.113.9", "Forwarded", "for=203.0.113.9", "X-Real-IP", "203.0.113.9",
            "True-Client-IP", "203.0.113.9", "CF-Connecting-IP", "203.0.113.9"};

    static CollectorTestKit kit;
    static AvroDeserializer<CollectorPayload> avro;

    @BeforeAll
    static void start() {
        // The test client connects from 127.0.0.1, a trusted proxy here.
        kit = CollectorTestKit.start(Map.of(
                "collector.sink.use-ip-address-as-partition-key", true,
                "collector.trusted-proxies", List.of("127.0.0.1/32", "10.0.0.0/8")));
        avro = new AvroDeserializer<>(CollectorPayload.class, new HttpSchemaRegistryClient(URI.create(kit.registry.url())));
    }

    @AfterAll
    static void stop() {
        if (kit != null) {
            kit.close();
        }
    }

    static String marker() {
        return "m" + UUID.randomUUID().toString().replace("-", "");
    }

    /** The raw record (key and payload) whose query string holds {@code marker}. */
    static ConsumerRecord<byte[], byte[]> record(String marker) {
        List<ConsumerRecord<byte[], byte[]>> found = kit.readAll(CollectorTestKit.RAW).stream()
                .filter(r -> {
                    String q = avro.deserialize(CollectorTestKit.RAW, r.value()).getQuerystring();
                    return q != null && q.contains(marker);
                }).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    static String key(ConsumerRecord<byte[], byte[]> r) {
        return new String(r.key(), StandardCharsets.UTF_8);
    }

    static CollectorPayload payload(ConsumerRecord<byte[], byte[]> r) {
        return avro.deserialize(CollectorTestKit.RAW, r.value());
    }

    @Test
    void anAnonymousRequestHasNoAddressInItsKeyPayloadOrHeaders() {
        String anonymous = marker();
        String[] headers = new String[ALL_FORWARDING.length + 2];
        System.arraycopy(ALL_FORWARDING, 0, headers, 0, ALL_FORWARDING.length);
        headers[ALL_FORWARDING.length] = "SP-Anonymous";
        headers[ALL_FORWARDING.length + 1] = "*";
        assertThat(kit.get("/i?e=pv&aid=" + anonymous, headers).statusCode()).isEqualTo(200);
        String identified = marker();
        assertThat(kit.get("/i?e=pv&aid=" + identified, ALL_FORWARDING).statusCode()).isEqualTo(200);

        ConsumerRecord<byte[], byte[]> anon = record(anonymous);
        // A random key, not an address (not even "unknown", which would put every anonymous event on one partition).
        assertThat(UUID.fromString(key(anon))).isNotNull();
        assertThat(payload(anon).getIpAddress()).isEqualTo("unknown");
        assertThat(String.join("\n", payload(anon).getHeaders())).doesNotContain("203.0.113.9", "127.0.0.1")
                .containsIgnoringCase("SP-Anonymous");

        // The control: the same headers without SP-Anonymous give an address-derived key.
        ConsumerRecord<byte[], byte[]> control = record(identified);
        assertThat(key(control)).isEqualTo("203.0.113.9");
        assertThat(payload(control).getIpAddress()).isEqualTo("203.0.113.9");
    }

    @Test
    void aTrustedProxysChainIsWalkedFromTheRightAndThePayloadCarriesOnlyTheResult() {
        String m = marker();
        // The client claims 198.51.100.1; a proxy at 10.1.2.3 appended what it saw (203.0.113.7) and forwarded
        // to 127.0.0.1 (trusted), which connected to the collector.
        assertThat(kit.get("/i?e=pv&aid=" + m, "X-Forwarded-For", "198.51.100.1, 203.0.113.7, 10.1.2.3",
                "X-Real-IP", "198.51.100.1").statusCode()).isEqualTo(200);
        ConsumerRecord<byte[], byte[]> r = record(m);
        assertThat(payload(r).getIpAddress()).isEqualTo("203.0.113.7");
        assertThat(key(r)).isEqualTo("203.0.113.7");
        // Enrich re-derives the IP from the first X-Forwarded-For entry, so that must be the resolved one.
        assertThat(payload(r).getHeaders()).contains("X-Forwarded-For: 203.0.113.7")
                .noneMatch(h -> h.contains("198.51.100.1"));
    }

    @Test
    void forwardingHeadersFromAPeerOutsideTheTrustedProxiesAreIgnoredAndDropped() {
        try (CollectorServer untrusting = CollectorServer.start(CollectorTestKit.config(kit.kafka.bootstrapServers(),
                kit.registry.url(), Map.of("collector.trusted-proxies", List.of("10.0.0.0/8"))))) {
            String m = marker();
            assertThat(kit.send(HttpRequest.newBuilder(URI.create(untrusting.url() + "/i?e=pv&aid=" + m))
                    .headers(ALL_FORWARDING).build()).statusCode()).isEqualTo(200);
            CollectorPayload p = payload(record(m));
            assertThat(p.getIpAddress()).isEqualTo("127.0.0.1");
            assertThat(String.join("\n", p.getHeaders())).doesNotContain("203.0.113.9");
        }
    }
}
