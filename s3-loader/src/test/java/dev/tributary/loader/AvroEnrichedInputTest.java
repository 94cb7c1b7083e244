package dev.tributary.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.infra.registry.SchemaRegistryServer;
import dev.tributary.loader.config.InputFormat;
import dev.tributary.loader.config.LoaderConfig;
import dev.tributary.loader.config.Purpose;
import dev.tributary.loader.testing.Bucket;
import dev.tributary.loader.testing.SharedInfra;
import dev.tributary.loader.testing.StoredObject;
import dev.tributary.loader.testing.TestConfigs;
import dev.tributary.loader.testing.Topics;
import dev.tributary.schemas.avro.EnrichedEvent;
import dev.tributary.schemas.badrows.GenericError;
import dev.tributary.schemas.enriched.EnrichedTsv;
import dev.tributary.schemas.registry.HttpSchemaRegistryClient;
import dev.tributary.schemas.serde.AvroSerializer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AvroEnrichedInputTest {

    private final SharedInfra infra = SharedInfra.get();

    @Test
    void avroEnrichedEventsAreWrittenAsTheirTsvLinesAndUndecodableOnesBecomeBadRows() {
        String topic = "enriched-avro";
        infra.kafka.createTopic(topic, 1);
        try (SchemaRegistryServer registry = SchemaRegistryServer.builder(infra.kafka.bootstrapServers())
                .topic("_schemas_loader_test").start()) {
            AvroSerializer<EnrichedEvent> serializer =
                    new AvroSerializer<>(new HttpSchemaRegistryClient(URI.create(registry.url())));
            List<String> expected = new ArrayList<>();
            List<byte[]> values = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                EnrichedEvent event = new EnrichedEvent();
                event.setAppId("avro-app");
                event.setEventId(new java.util.UUID(7, i).toString());
                event.setCollectorTstamp(Instant.parse("2026-08-09T10:11:12.013Z").plusSeconds(i));
                event.setPageTitle("Page\t" + i);
                expected.add(EnrichedTsv.format(event));
                values.add(serializer.serialize(topic, event));
            }
            values.add(5, new byte[] {0, 0, 0, 0x7f, 0x7f, 1, 2, 3}); // wire format, unknown schema id
            values.add(9, "plain text".getBytes(StandardCharsets.UTF_8));
            Topics.produce(topic, 0, values);

            LoaderConfig base = TestConfigs.loader(Purpose.ENRICHED_EVENTS, topic, "enriched-avro",
                    "{yyyy}/{MM}/{dd}/{HH}");
            LoaderConfig config = new LoaderConfig(base.name(), base.purpose(),
                    new LoaderConfig.Input(base.input().bootstrapServers(), topic, base.input().groupId(),
                            InputFormat.AVRO, Optional.of(registry.url()), base.input().consumerProperties()),
                    base.s3(), base.encryption(), base.buffer(), base.retry(), base.badTopic(),
                    base.producerProperties());
            infra.kafka.createTopic(config.badTopic(), 1);

            try (S3Loader loader = S3Loader.start(config, infra.s3Client)) {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> Topics.committedTotal(config.input().groupId()) == 22);
            }

            List<StoredObject> objects = Bucket.objects(infra.s3Client, "enriched-avro");
            assertThat(Bucket.allLines(objects)).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(objects).allSatisfy(o -> assertThat(o.key()).startsWith("enriched-avro/2026/08/09/10/"));
            assertThat(Topics.readAll(config.badTopic(), 2)).hasSize(2)
                    .allSatisfy(row -> assertThat(row).contains(GenericError.SCHEMA.toUri()));
        }
    }
}
