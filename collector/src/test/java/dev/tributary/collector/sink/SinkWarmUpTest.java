package dev.tributary.collector.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.collector.CollectorTestKit;
import dev.tributary.schemas.avro.CollectorPayload;
import dev.tributary.schemas.registry.HttpSchemaRegistryClient;
import dev.tributary.schemas.registry.SchemaRegistryClient;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A started collector registers the payload schema before any tracker request arrives, so the first request
 * only writes to Kafka (on a busy machine the registration and the metadata fetch together took seconds).
 */
class SinkWarmUpTest {

    @Test
    void theRawSchemaIsRegisteredBeforeTheFirstRequestAndNothingIsWritten() {
        try (CollectorTestKit kit = CollectorTestKit.start(Map.of())) {
            SchemaRegistryClient registry = new HttpSchemaRegistryClient(URI.create(kit.registry.url()));

            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                    assertThat(registry.latest(CollectorTestKit.RAW + "-value").schema())
                            .isEqualTo(CollectorPayload.getClassSchema()));

            assertThat(kit.collector.sinkHealthy()).isTrue();
            assertThat(kit.readAll(CollectorTestKit.RAW)).isEmpty();
        }
    }
}
