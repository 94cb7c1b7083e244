package dev.tributary.collector.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.collector.CollectorTestKit;
import dev.tributary.collector.Measured;
import dev.tributary.infra.kafka.EmbeddedKafka;
import dev.tributary.schemas.avro.CollectorPayload;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While the broker is away nothing is acknowledged, so accepted requests pile up in the sink. The byte budget
 * must stop that pile at {@code sink.max-buffered-bytes}: requests beyond it get 503 with {@code Retry-After}
 * at once, the accounted bytes never exceed the limit, and once the broker is back every accepted request is
 * answered 200 and stored, and new requests are served again.
 */
class SinkBufferLimitTest {

    static final long BUDGET = 65_536;
    static final int BODY_CHARS = 6_000;

    @TempDir
    Path dataDir;

    @Test
    void requestsBeyondTheBufferedBytesGet503AndTheBufferStaysWithinItsLimit() throws Exception {
        EmbeddedKafka first = EmbeddedKafka.builder().dataDir(dataDir).start();
        int port = first.port();
        int controllerPort = first.controllerPort();
        CollectorTestKit kit = CollectorTestKit.start(first, Map.of(
                "collector.sink.max-buffered-bytes", BUDGET,
                "collector.networking.max-payload-size", 8192,
                "collector.networking.drop-payload-size", 16384,
                "collector.networking.max-header-size", 8192,
                "collector.networking.max-initial-line-length", 4096,
                // Nothing may time out while the broker is away (neither waiting for metadata nor for an
                // acknowledgement): only the budget may refuse requests.
                "collector.sink.delivery-timeout", "120 seconds",
                "collector.sink.max-block", "120 seconds",
                "collector.sink.retry-after", "3 seconds"), "");
        EmbeddedKafka second = null;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String run = "r" + UUID.randomUUID().toString().replace("-", "");
        try {
            assertThat(kit.post("/com.snowplowanalytics.snowplow/tp2", "application/json", "{\"warm\":1}").statusCode())
                    .isEqualTo(200);
            kit.raw(); // caches the schema in the test's deserializer while the registry is reachable
            first.close();

            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            long maxSeen = 0;
            for (int i = 0; i < 30; i++) {
                String body = "{\"aid\":\"" + run + "-" + i + "\",\"pad\":\"" + "p".repeat(BODY_CHARS) + "\"}";
                long before = kit.collector.bufferedBytes();
                CompletableFuture<HttpResponse<String>> response = client.sendAsync(
                        HttpRequest.newBuilder(URI.create(kit.collector.url() + "/com.snowplowanalytics.snowplow/tp2"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                responses.add(response);
                // Accepted (its bytes are now accounted) or refused (answered at once): one or the other.
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> response.isDone() || kit.collector.bufferedBytes() > before);
                maxSeen = Math.max(maxSeen, kit.collector.bufferedBytes());
            }

            List<HttpResponse<String>> refused = responses.stream().filter(CompletableFuture::isDone)
                    .map(CompletableFuture::join).toList();
            int accepted = responses.size() - refused.size();
            assertThat(refused).isNotEmpty().allSatisfy(r -> {
                assertThat(r.statusCode()).isEqualTo(503);
                assertThat(r.headers().firstValue("Retry-After")).hasValue("3");
                assertThat(r.body()).contains("sink buffer full");
            });
            // The budget was used up and never exceeded: no room was left for one more request.
            assertThat(maxSeen).isLessThanOrEqualTo(BUDGET).isGreaterThan(BUDGET - (BODY_CHARS + 1_000));
            assertThat(accepted).isBetween(1, (int) (BUDGET / BODY_CHARS));

            second = EmbeddedKafka.builder().port(port).controllerPort(controllerPort).dataDir(dataDir).start();
            await().atMost(Duration.ofSeconds(120)).until(() -> responses.stream().allMatch(CompletableFuture::isDone));
            List<String> answeredOk = new ArrayList<>();
            for (int i = 0; i < responses.size(); i++) {
                HttpResponse<String> r = responses.get(i).join();
                if (r.statusCode() == 200) {
                    answeredOk.add(run + "-" + i);
                }
            }
            assertThat(answeredOk).hasSize(accepted);
            await().atMost(Duration.ofSeconds(30)).until(() -> kit.collector.bufferedBytes() == 0);
            await().atMost(Duration.ofSeconds(60)).until(() -> kit.post("/com.snowplowanalytics.snowplow/tp2",
                    "application/json", "{\"aid\":\"" + run + "-after\"}").statusCode() == 200);

            Set<String> stored = kit.raw(run).stream().map(CollectorPayload::getBody)
                    .map(b -> b.substring(b.indexOf(run), b.indexOf('"', b.indexOf(run))))
                    .collect(Collectors.toSet());
            // Every 200 is on the topic (lost = 0); no refused request ever reached Kafka.
            assertThat(stored).containsAll(answeredOk).contains(run + "-after").hasSize(accepted + 1);
            String scrape = kit.get("/metrics").body();
            assertThat(scrape).contains("collector_limit_rejections_total{limit=\"sink_buffer\"} " + refused.size() + ".0");
            Measured.report("sink_buffer", responses.size() + 1, accepted + 1, refused.size(), 0, 0,
                    "max_buffered_bytes=" + BUDGET + " max_accounted_bytes_seen=" + maxSeen + " broker=down-then-up");
        } finally {
            kit.collector.close();
            kit.registry.close();
            if (second != null) {
                second.close();
            }
        }
    }
}
