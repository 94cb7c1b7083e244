package dev.tributary.enrich.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichConfigTest {

    @TempDir
    Path dir;

    private static EnrichConfig with(Map<String, Object> values) {
        return EnrichConfig.from(ConfigFactory.parseMap(values));
    }

    @Test
    void defaultsComeFromReferenceConf() {
        EnrichConfig config = EnrichConfig.from(ConfigFactory.empty());

        assertThat(config.applicationId()).isEqualTo("tributary-stream-enrich");
        assertThat(config.topics()).isEqualTo(new EnrichConfig.Topics("raw", "enriched", "bad", Optional.empty(),
                Optional.empty()));
        assertThat(config.partitionKey()).isEqualTo(EnrichConfig.PartitionKey.EVENT_ID);
        assertThat(config.resolver()).isEmpty();
        assertThat(config.enrichments()).isEmpty();
        assertThat(config.streams().threads()).isEqualTo(1);
        assertThat(config.streams().commitInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(config.http().port()).isEqualTo(9095);
    }

    @Test
    void aFileOverridesTheDefaultsAndPassesStreamsPropertiesThrough() throws Exception {
        Path file = dir.resolve("enrich.conf");
        Files.writeString(file, """
                enrich {
                  output { pii-topic = "pii", enriched-avro-topic = "enriched-avro", partition-key = domain_userid }
                  streams { threads = 2, commit-interval = 1s, properties { "producer.compression.type" = lz4 } }
                }
                """);
        EnrichConfig config = EnrichConfig.load(file);

        assertThat(config.topics().pii()).contains("pii");
        assertThat(config.topics().enrichedAvro()).contains("enriched-avro");
        assertThat(config.partitionKey()).isEqualTo(EnrichConfig.PartitionKey.DOMAIN_USERID);
        assertThat(config.streams().threads()).isEqualTo(2);
        assertThat(config.streams().commitInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.streams().properties()).containsEntry("producer.compression.type", "lz4");
    }

    @Test
    void errorsNameTheKeyAndTheExpectedValue() {
        assertThatThrownBy(() -> with(Map.of("enrich.output.partition-key", "ip")))
                .isInstanceOf(EnrichConfigException.class)
                .hasMessageContaining("enrich.output.partition-key").hasMessageContaining("event_id")
                .hasMessageContaining("'ip'");
        assertThatThrownBy(() -> with(Map.of("enrich.streams.threads", "many")))
                .hasMessageContaining("enrich.streams.threads").hasMessageContaining("integer");
        assertThatThrownBy(() -> with(Map.of("enrich.streams.threads", 0)))
                .hasMessageContaining("enrich.streams.threads").hasMessageContaining("at least 1");
        assertThatThrownBy(() -> with(Map.of("enrich.schema-registry-url", "localhost")))
                .hasMessageContaining("enrich.schema-registry-url").hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> with(Map.of("enrich.output.bad-topic", "")))
                .hasMessageContaining("enrich.output.bad-topic").hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> with(Map.of("enrich.streams.commit-interval", "soon")))
                .hasMessageContaining("enrich.streams.commit-interval").hasMessageContaining("duration");
        assertThatThrownBy(() -> with(Map.of("enrich.http.port", 70000)))
                .hasMessageContaining("enrich.http.port");
        assertThatThrownBy(() -> with(Map.of("enrich.enrichments", dir.resolve("missing").toString())))
                .hasMessageContaining("enrich.enrichments").hasMessageContaining("directory");
        assertThatThrownBy(() -> with(Map.of("enrich.resolver", dir.resolve("missing.json").toString())))
                .hasMessageContaining("enrich.resolver").hasMessageContaining("readable");
    }

    @Test
    void anUnparseableFileIsReportedWithItsPath() throws Exception {
        Path file = dir.resolve("broken.conf");
        Files.writeString(file, "enrich { streams { threads = ");

        assertThatThrownBy(() -> EnrichConfig.load(file)).isInstanceOf(EnrichConfigException.class)
                .hasMessageContaining(file.toString());
    }
}
