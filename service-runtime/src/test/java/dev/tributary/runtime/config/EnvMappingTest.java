package dev.tributary.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvMappingTest {

    @Test
    void namesAreTheServiceAndTheKeyPathUpperCasedWithUnderscores() {
        assertThat(EnvNames.name("collector", List.of("kafka", "bootstrap-servers")))
                .isEqualTo("TRIBUTARY_COLLECTOR_KAFKA_BOOTSTRAP_SERVERS");
        assertThat(EnvNames.name("s3-loader", List.of("output", "s3", "part-size")))
                .isEqualTo("TRIBUTARY_S3_LOADER_OUTPUT_S3_PART_SIZE");
        assertThat(EnvNames.prefix("stream-enrich")).isEqualTo("TRIBUTARY_STREAM_ENRICH_");
    }

    @Test
    void aVariableSetsTheKeyWhoseNameItIs() {
        TypedConfig demo = load(Map.of("TRIBUTARY_DEMO_KAFKA_BOOTSTRAP_SERVERS", "env:9092",
                "TRIBUTARY_DEMO_API_TOKEN", "t0k3n")).typed();

        assertThat(demo.string("kafka.bootstrap-servers")).isEqualTo("env:9092");
        assertThat(demo.string("api-token")).isEqualTo("t0k3n");
    }

    @Test
    void theServiceNameNotTheRootFormsThePrefix() {
        LoadedConfig loaded = ConfigLoader.forService("demo-loader", "tributary.demo-loader")
                .environment(Map.of("TRIBUTARY_DEMO_LOADER_BUFFER_MAX_RECORDS", "99",
                        "TRIBUTARY_DEMO_LOADER_BUCKET_NAME", "lake"))
                .load();

        assertThat(loaded.typed().intBetween("buffer.max-records", 1, 1000)).isEqualTo(99);
        assertThat(loaded.typed().string("bucket-name")).isEqualTo("lake");
        assertThat(loaded.unknownKeys()).isEmpty();
    }

    @Test
    void numbersDurationsAndBooleansArriveAsTextAndAreConvertedOnRead() {
        TypedConfig demo = load(Map.of("TRIBUTARY_DEMO_PORT", "9090", "TRIBUTARY_DEMO_DELAY", "250ms",
                "TRIBUTARY_DEMO_MONITORING_ENABLED", "false")).typed();

        assertThat(demo.port("port")).isEqualTo(9090);
        assertThat(demo.positiveDuration("delay")).hasMillis(250);
        assertThat(demo.at("monitoring").bool("enabled")).isFalse();
    }

    @Test
    void listAndOpenObjectKeysTakeHoconValues() {
        TypedConfig demo = load(Map.of("TRIBUTARY_DEMO_TAGS", "[\"a\", \"b c\"]",
                "TRIBUTARY_DEMO_PRODUCER", "{ \"compression.type\" = lz4, \"linger.ms\" = 5 }")).typed();

        assertThat(demo.strings("tags")).containsExactly("a", "b c");
        assertThat(demo.stringMap("producer")).containsEntry("compression.type", "lz4").containsEntry("linger.ms", "5");
    }

    @Test
    void aListKeyGivenSomethingElseNamesTheKeyAndTheVariable() {
        assertThatThrownBy(() -> load(Map.of("TRIBUTARY_DEMO_TAGS", "{ a = 1 }")))
                .isInstanceOfSatisfying(ConfigError.class, e -> {
                    assertThat(e.key()).isEqualTo("demo.tags");
                    assertThat(e.actual()).isEqualTo("'{ a = 1 }'");
                    assertThat(e.getMessage()).contains("expected a HOCON list")
                            .contains("environment variable TRIBUTARY_DEMO_TAGS");
                });
    }

    @Test
    void anUnknownVariableWithTheServicePrefixIsReportedWithTheNearestName() {
        LoadedConfig loaded = load(Map.of("TRIBUTARY_DEMO_PROT", "1"));

        assertThat(loaded.unknownKeys()).containsExactly(
                new UnknownKey("TRIBUTARY_DEMO_PROT", "environment", Optional.of("TRIBUTARY_DEMO_PORT")));
        assertThat(loaded.typed().port("port")).isEqualTo(8080);
    }

    @Test
    void variablesWithoutTheServicePrefixAreNotRead() {
        LoadedConfig loaded = load(Map.of("PATH", "/usr/bin", "TRIBUTARY_OTHER_PORT", "1", "TRIBUTARY_LOG_FORMAT",
                "json", "DEMO_PORT", "2"));

        assertThat(loaded.unknownKeys()).isEmpty();
        assertThat(loaded.typed().port("port")).isEqualTo(8080);
    }

    @Test
    void twoKeysWithOneNameAreAnErrorOnlyWhenTheVariableIsSet() {
        ConfigLoader clean = ConfigLoader.forService("clash", "clash");
        assertThat(clean.load().typed().intBetween("a-b", 0, 9)).isEqualTo(1);

        assertThatThrownBy(() -> ConfigLoader.forService("clash", "clash")
                .environment(Map.of("TRIBUTARY_CLASH_A_B", "5")).load())
                .isInstanceOfSatisfying(ConfigError.class, e -> {
                    assertThat(e.key()).isEqualTo("TRIBUTARY_CLASH_A_B");
                    assertThat(e.getMessage()).contains("clash.a-b").contains("clash.a.b");
                });
    }

    @Test
    void theLoadedConfigListsTheVariableOfEveryKnownKey() {
        Map<String, String> names = load(Map.of()).environmentNames();

        assertThat(names).containsEntry("demo.kafka.bootstrap-servers", "TRIBUTARY_DEMO_KAFKA_BOOTSTRAP_SERVERS")
                .containsEntry("demo.monitoring.port", "TRIBUTARY_DEMO_MONITORING_PORT")
                .containsEntry("demo.producer", "TRIBUTARY_DEMO_PRODUCER");
    }

    private static LoadedConfig load(Map<String, String> env) {
        return ConfigLoader.forService("demo", "demo").environment(env).load();
    }
}
