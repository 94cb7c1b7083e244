package dev.tributary.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.loader.config.EncryptionConfig;
import dev.tributary.loader.config.LoaderConfig;
import dev.tributary.loader.config.Purpose;
import dev.tributary.loader.testing.Assertions2;
import dev.tributary.loader.testing.Bucket;
import dev.tributary.loader.testing.SharedInfra;
import dev.tributary.loader.testing.StoredObject;
import dev.tributary.loader.testing.TestConfigs;
import dev.tributary.loader.testing.Topics;
import dev.tributary.loader.testing.TsvLines;
import dev.tributary.loader.upload.EncryptionProbe;
import dev.tributary.schemas.badrows.GenericError;
import dev.tributary.schemas.badrows.Processor;
import dev.tributary.schemas.enriched.EnrichedField;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

class S3LoaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter HOUR_FOLDER = DateTimeFormatter.ofPattern("yyyy/MM/dd/HH")
            .withZone(ZoneOffset.UTC);

    private final SharedInfra infra = SharedInfra.get();

    @Test
    void enrichedEventsLandOncePerRecordInHourFoldersOfTheirCollectorTimestamp() {
        String topic = "enriched-keys";
        infra.kafka.createTopic(topic, 3);
        infra.kafka.createTopic("bad-enriched-keys", 1);
        // 120 events per partition over two hours (one per minute), so the hour boundary cuts some batches.
        Instant start = Instant.parse("2026-05-06T07:30:00Z");
        long seq = 0;
        Map<Integer, Long> ends = new HashMap<>();
        List<Long> all = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                lines.add(TsvLines.line(seq, start.plus(Duration.ofMinutes(i))));
                all.add(seq++);
            }
            Topics.produceLines(topic, p, lines);
            ends.put(p, 120L);
        }
        LoaderConfig config = TestConfigs.loader(Purpose.ENRICHED_EVENTS, topic, "enriched-keys",
                "{yyyy}/{MM}/{dd}/{HH}");

        try (S3Loader loader = S3Loader.start(config, infra.s3Client)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> Topics.committedTotal(config.input().groupId()) == 360);
        }

        List<StoredObject> objects = Bucket.objects(infra.s3Client, "enriched-keys");
        assertThat(Bucket.allLines(objects).stream().map(TsvLines::seq).toList())
                .containsExactlyInAnyOrderElementsOf(all);
        Assertions2.rangesTileEachPartition(objects, ends);
        for (StoredObject o : objects) {
            assertThat(o.key()).matches("enriched-keys/2026/05/06/0[789]/enriched-keys-[012]-\\d+-\\d+\\.gz");
            assertThat(o.lines()).hasSize((int) (o.range().last() - o.range().first() + 1));
            for (String line : o.lines()) {
                Instant collector = Instant.parse(line.split("\t", -1)[EnrichedField.COLLECTOR_TSTAMP.position()]
                        .replace(' ', 'T') + "Z");
                assertThat(o.key()).startsWith("enriched-keys/" + HOUR_FOLDER.format(collector) + "/");
            }
            HeadObjectResponse head = head(o.key());
            assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        }
        // 120 records per partition in batches of at most 50, plus the cut at 08:00: at least 3 objects each.
        assertThat(objects).hasSizeGreaterThanOrEqualTo(9);
    }

    @Test
    void badRowsArePartitionedBySchemaAndUnreadableOnesBecomeGenericErrors() throws Exception {
        String topic = "bad-rows-in";
        infra.kafka.createTopic(topic, 1);
        LoaderConfig config = TestConfigs.loader(Purpose.BAD_ROWS, topic, "bad-rows",
                "{vendor}.{name}/{format}-{model}");
        infra.kafka.createTopic(config.badTopic(), 1);
        String generic = new GenericError(new Processor("test", "1.0.0"), Instant.parse("2026-01-01T00:00:00Z"),
                List.of("boom"), "payload").toJsonLine();
        String schemaViolation = "{\"schema\":\"iglu:com.snowplowanalytics.snowplow.badrows/schema_violations/"
                + "jsonschema/2-0-0\",\"data\":{\"n\":1}}";
        List<String> lines = List.of(generic, schemaViolation, "not json at all", generic.replace("boom", "bang"));
        Topics.produceLines(topic, 0, lines);

        try (S3Loader loader = S3Loader.start(config, infra.s3Client)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> Topics.committedTotal(config.input().groupId()) == 4);
        }

        List<StoredObject> objects = Bucket.objects(infra.s3Client, "bad-rows");
        assertThat(objects).extracting(StoredObject::key).containsExactlyInAnyOrder(
                "bad-rows/com.snowplowanalytics.snowplow.badrows.generic_error/jsonschema-1/bad-rows-in-0-0-3.gz",
                "bad-rows/com.snowplowanalytics.snowplow.badrows.schema_violations/jsonschema-2/bad-rows-in-0-0-3.gz");
        assertThat(Bucket.allLines(objects)).containsExactlyInAnyOrder(generic, schemaViolation,
                generic.replace("boom", "bang"));
        List<String> badOut = Topics.readAll(config.badTopic(), 1);
        assertThat(badOut).singleElement().satisfies(row -> {
            JsonNode json = JSON.readTree(row);
            assertThat(json.get("schema").asText()).isEqualTo(GenericError.SCHEMA.toUri());
            assertThat(json.get("data").get("payload").asText()).isEqualTo("not json at all");
        });
    }

    @Test
    void rawPayloadsAreKeptByteForByteAsBase64LinesUnderKmsEncryption() throws Exception {
        String topic = "raw-in";
        infra.kafka.createTopic(topic, 1);
        LoaderConfig config = TestConfigs.withEncryption(
                TestConfigs.loader(Purpose.RAW, topic, "raw-kms", "{yyyy}/{MM}/{dd}"),
                EncryptionConfig.kms(SharedInfra.KMS_KEY));
        infra.kafka.createTopic(config.badTopic(), 1);
        Random random = new Random(3);
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            byte[] body = new byte[20 + random.nextInt(200)];
            random.nextBytes(body);
            body[0] = 0; // magic byte
            payloads.add(body);
        }
        List<byte[]> withBad = new ArrayList<>(payloads);
        withBad.add(10, "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8));
        Topics.produce(topic, 0, withBad);

        try (S3Loader loader = S3Loader.start(config, infra.s3Client)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> Topics.committedTotal(config.input().groupId()) == 31);
        }

        List<StoredObject> objects = Bucket.objects(infra.s3Client, "raw-kms");
        assertThat(Bucket.allLines(objects).stream().map(l -> Base64.getDecoder().decode(l)).toList())
                .usingElementComparator(java.util.Arrays::compare)
                .containsExactlyInAnyOrderElementsOf(payloads);
        for (StoredObject o : objects) {
            HeadObjectResponse head = head(o.key());
            assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
            assertThat(head.ssekmsKeyId()).isEqualTo(SharedInfra.KMS_KEY);
        }
        assertThat(Topics.readAll(config.badTopic(), 1)).singleElement()
                .satisfies(row -> assertThat(row).contains(GenericError.SCHEMA.toUri()));
    }

    @Test
    void startUpFailsNamingTheEncryptionSettingTheBucketRefuses() {
        LoaderConfig config = TestConfigs.withEncryption(
                TestConfigs.loader(Purpose.ENRICHED_EVENTS, "unused", "refused", "{yyyy}"),
                EncryptionConfig.kms("arn:aws:kms:us-east-1:000000000000:key/not-registered"));

        assertThatThrownBy(() -> S3Loader.start(config, infra.s3Client))
                .isInstanceOf(EncryptionProbe.EncryptionRefusedException.class)
                .hasMessageContaining("tributary.s3-loader.output.encryption.kms-key-id")
                .hasMessageContaining("key/not-registered");
    }

    private HeadObjectResponse head(String key) {
        return infra.s3Client.headObject(HeadObjectRequest.builder().bucket(SharedInfra.BUCKET).key(key).build());
    }
}
