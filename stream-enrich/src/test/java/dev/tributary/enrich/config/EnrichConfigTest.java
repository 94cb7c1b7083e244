package dev.tributary.enrich.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.enrich.EnrichTestConfigs;
import dev.tributary.runtime.config.ConfigError;
import dev.tributary.runtime.config.ConfigLoader;
import dev.tributary.runtime.config.LoadedConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** stream-enrich's keys through service-runtime's loader: precedence, environment names, unknown keys, errors. */
class EnrichConfigTest {

    @TempDir
    Path dir;

    private static EnrichConfig with(Map<String, Object> values) {
        return EnrichTestConfigs.of(values);
    }

    private static ConfigLoader loader() {
        return ConfigLoader.forService("stream-enrich", EnrichConfig.ROOT);
    }

    @Test
    void defaultsComeFromReferenceConf() {
        EnrichConfig config = with(Map.of());

        assertThat(config.applicationId()).isEqualTo("tributary-stream-enrich");
        assertThat(config.topics()).isEqualTo(new EnrichConfig.Topics("raw", "enriched", "bad", Optional.empty(),
                Optional.empty()));
        assertThat(config.partitionKey()).isEqualTo(EnrichConfig.PartitionKey.EVENT_ID);
        assertThat(config.resolver()).isEmpty();
        assertThat(config.enrichments()).isEmpty();
        assertThat(config.streams().threads()).isEqualTo(1);
        assertThat(config.streams().commitInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(config.streams().properties()).isEmpty();
    }

    /**
     * The acceptance table: one key set in some of reference.conf, the {@code --config} file, the environment and
     * an override (a flag or local-stack); the highest layer set wins.
     */
    @ParameterizedTest(name = "file={0} env={1} override={2} -> {3}")
    @CsvSource(nullValues = "-", value = {
        "-,         -,       -,          raw",
        "from-file, -,       -,          from-file",
        "-,         from-env, -,         from-env",
        "from-file, from-env, -,         from-env",
        "from-file, -,       from-flag,  from-flag",
        "from-file, from-env, from-flag, from-flag",
    })
    void theSameKeyInReferenceFileEnvironmentAndOverrideResolvesByPrecedence(String file, String env,
                                                                            String override, String expected)
            throws Exception {
        ConfigLoader loader = loader();
        if (file != null) {
            loader.file(Files.writeString(dir.resolve("enrich.conf"), "enrich.input.topic = \"" + file + "\"\n"));
        }
        Map<String, String> environment = new HashMap<>();
        environment.put("PATH", "/usr/bin"); // variables without the prefix are never read
        if (env != null) {
            environment.put("TRIBUTARY_STREAM_ENRICH_INPUT_TOPIC", env);
        }
        loader.environment(environment);
        if (override != null) {
            loader.override("enrich.input.topic", override);
        }

        EnrichConfig config = EnrichConfig.from(loader.load().requireKnownKeys().typed());

        assertThat(config.topics().raw()).isEqualTo(expected);
    }

    @Test
    void environmentNamesFollowTheKeyPath() {
        Map<String, String> names = loader().environment(Map.of()).load().environmentNames();

        assertThat(names).containsEntry("enrich.bootstrap-servers", "TRIBUTARY_STREAM_ENRICH_BOOTSTRAP_SERVERS")
                .containsEntry("enrich.input.topic", "TRIBUTARY_STREAM_ENRICH_INPUT_TOPIC")
                .containsEntry("enrich.output.enriched-topic", "TRIBUTARY_STREAM_ENRICH_OUTPUT_ENRICHED_TOPIC")
                .containsEntry("enrich.streams.threads", "TRIBUTARY_STREAM_ENRICH_STREAMS_THREADS")
                .containsEntry("enrich.monitoring.port", "TRIBUTARY_STREAM_ENRICH_MONITORING_PORT");
        EnrichConfig config = EnrichConfig.from(loader().environment(Map.of(
                "TRIBUTARY_STREAM_ENRICH_STREAMS_THREADS", "3",
                "TRIBUTARY_STREAM_ENRICH_STREAMS_COMMIT_INTERVAL", "2s",
                "TRIBUTARY_STREAM_ENRICH_STREAMS_PROPERTIES", "{ \"producer.compression.type\" = lz4 }",
                "ENRICH_INPUT_TOPIC", "old-name-ignored")).load().requireKnownKeys().typed());
        assertThat(config.streams().threads()).isEqualTo(3);
        assertThat(config.streams().commitInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.streams().properties()).containsEntry("producer.compression.type", "lz4");
        assertThat(config.topics().raw()).isEqualTo("raw");
    }

    @Test
    void aMisspeltKeyIsReportedByNameWithTheNearestKnownKey() throws Exception {
        Path file = Files.writeString(dir.resolve("enrich.conf"), "enrich.input.topik = \"x\"\n");

        LoadedConfig loaded = loader().environment(Map.of("TRIBUTARY_STREAM_ENRICH_STREAMS_THREAD", "2"))
                .file(file).load();

        assertThat(loaded.unknownKeys()).extracting(k -> k.describe()).anySatisfy(k ->
                assertThat(k).contains("enrich.input.topik").contains("enrich.input.topic"));
        assertThat(loaded.unknownKeys()).extracting(k -> k.describe()).anySatisfy(k ->
                assertThat(k).contains("TRIBUTARY_STREAM_ENRICH_STREAMS_THREAD"));
        assertThatThrownBy(loaded::requireKnownKeys).isInstanceOf(ConfigError.class)
                .hasMessageContaining("enrich.input.topik");
        // the old http block is gone (now monitoring): a file still carrying it is told so
        assertThatThrownBy(() -> with(Map.of("enrich.http.port", 9000))).isInstanceOf(ConfigError.class)
                .hasMessageContaining("enrich.http").hasMessageContaining("unknown key");
    }

    @Test
    void aFileSetsTopicsPartitionKeyAndPassesStreamsPropertiesThrough() throws Exception {
        Path file = Files.writeString(dir.resolve("enrich.conf"), """
                enrich {
                  output { pii-topic = "pii", enriched-avro-topic = "enriched-avro", partition-key = domain_userid }
                  streams { threads = 2, commit-interval = 1s, properties { "producer.compression.type" = lz4 } }
                }
                """);
        EnrichConfig config = EnrichConfig.from(loader().environment(Map.of()).file(file).load()
                .requireKnownKeys().typed());

        assertThat(config.topics().pii()).contains("pii");
        assertThat(config.topics().enrichedAvro()).contains("enriched-avro");
        assertThat(config.partitionKey()).isEqualTo(EnrichConfig.PartitionKey.DOMAIN_USERID);
        assertThat(config.streams().threads()).isEqualTo(2);
        assertThat(config.streams().commitInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.streams().properties()).containsEntry("producer.compression.type", "lz4");
    }

    @Test
    void errorsNameTheKeyTheExpectedAndTheGivenValue() {
        assertThatThrownBy(() -> with(Map.of("enrich.output.partition-key", "ip")))
                .isInstanceOf(ConfigError.class)
                .hasMessageContaining("enrich.output.partition-key").hasMessageContaining("event_id")
                .hasMessageContaining("'ip'");
        assertThatThrownBy(() -> with(Map.of("enrich.streams.threads", "many")))
                .hasMessageContaining("enrich.streams.threads").hasMessageContaining("'many'");
        assertThatThrownBy(() -> with(Map.of("enrich.streams.threads", 0)))
                .hasMessageContaining("enrich.streams.threads").hasMessageContaining("1..1024");
        assertThatThrownBy(() -> with(Map.of("enrich.schema-registry-url", "localhost")))
                .hasMessageContaining("enrich.schema-registry-url").hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> with(Map.of("enrich.output.bad-topic", "")))
                .hasMessageContaining("enrich.output.bad-topic");
        assertThatThrownBy(() -> with(Map.of("enrich.streams.commit-interval", "soon")))
                .hasMessageContaining("enrich.streams.commit-interval").hasMessageContaining("'soon'");
        assertThatThrownBy(() -> with(Map.of("enrich.enrichments", dir.resolve("missing").toString())))
                .hasMessageContaining("enrich.enrichments").hasMessageContaining("directory");
        assertThatThrownBy(() -> with(Map.of("enrich.resolver", dir.resolve("missing.json").toString())))
                .hasMessageContaining("enrich.resolver").hasMessageContaining("readable");
    }

    @Test
    void anUnparseableFileIsReportedWithItsPath() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.conf"), "enrich { streams { threads = ");

        assertThatThrownBy(() -> loader().environment(Map.of()).file(file).load())
                .isInstanceOf(ConfigError.class).hasMessageContaining("broken.conf");
    }
}
