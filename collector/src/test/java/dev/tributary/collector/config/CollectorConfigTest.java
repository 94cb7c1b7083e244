package dev.tributary.collector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.runtime.config.ConfigError;
import dev.tributary.runtime.config.ConfigLoader;
import dev.tributary.runtime.config.LoadedConfig;
import dev.tributary.runtime.config.UnknownKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The collector's config through the service runtime's loader: defaults, precedence, unknown keys, errors. */
class CollectorConfigTest {

    @TempDir
    Path dir;

    private static LoadedConfig load(Path file, Map<String, String> env, Map<String, ?> overrides) {
        ConfigLoader loader = ConfigLoader.forService("collector", "collector").environment(env).overrides(overrides);
        return (file == null ? loader : loader.file(file)).load();
    }

    private static CollectorConfig config(Map<String, ?> overrides) {
        return CollectorConfig.from(load(null, Map.of(), overrides).requireKnownKeys().typed());
    }

    @Test
    void defaultsAreSnowplowsAndSafe() {
        CollectorConfig c = config(Map.of());
        assertThat(c.cookie().name()).isEqualTo("sp");
        assertThat(c.cookie().path()).isEqualTo("/");
        assertThat(c.cookie().expiration()).isEqualTo(Duration.ofDays(365));
        assertThat(c.redirects().enabled()).isFalse();
        assertThat(c.redirects().placeholder()).isEqualTo("${SP_NUID}");
        assertThat(c.networking().maxPayloadSize()).isEqualTo(1_048_576);
        assertThat(c.networking().dropPayloadSize()).isEqualTo(2_097_152);
        assertThat(c.sink().maxRecordBytes()).isEqualTo(1_000_000);
        assertThat(c.sink().goodTopic()).isEqualTo("raw");
        assertThat(c.sink().badTopic()).isEqualTo("bad");
        assertThat(c.sink().bufferMemory()).isEqualTo(33_554_432L);
        assertThat(c.sink().schemaRegistryUrl()).isEqualTo("http://localhost:8081");
        assertThat(c.networking().maxConnections()).isEqualTo(1024);
        assertThat(c.networking().requestReadTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.networking().maxPipelinedRequests()).isEqualTo(16);
        assertThat(c.sink().maxBufferedBytes()).isEqualTo(Math.max(Runtime.getRuntime().maxMemory() / 8,
                2_097_152L + 40_960 + 20_480));
        assertThat(c.trustedProxies()).isEmpty();
        assertThat(c.host()).isEqualTo("0.0.0.0");
        assertThat(c.metricsEnabled()).isTrue();
    }

    @Test
    void limitsAndAddressesAreTyped() {
        CollectorConfig c = config(Map.of(
                "collector.interface", "127.0.0.1",
                "collector.sink.max-buffered-bytes", "64M",
                "collector.trusted-proxies", List.of("10.0.0.0/8", "2001:db8::1"),
                "collector.redirect.domains", List.of("Shop.Example.com")));
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.sink().maxBufferedBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(c.trustedProxies()).extracting(Cidr::toString).containsExactly("10.0.0.0/8", "2001:db8::1/128");
        assertThat(c.redirects().domains()).containsExactly("shop.example.com");
    }

    @Test
    void aFileOverridesTheDefaults() throws Exception {
        Path file = Files.writeString(dir.resolve("collector.conf"), """
                collector {
                  port = 9999
                  paths { "/com.acme/track" = "/com.snowplowanalytics.snowplow/tp2" }
                  cookie { domains = ["acme.com"], path = "/x" }
                  sink.producer { "compression.type" = "zstd" }
                }
                """);
        LoadedConfig loaded = load(file, Map.of(), Map.of());
        assertThat(loaded.unknownKeys()).isEmpty(); // entries of paths {} and producer {} are free-form
        CollectorConfig c = CollectorConfig.from(loaded.typed());
        assertThat(c.port()).isEqualTo(9999);
        assertThat(c.paths()).containsEntry("/com.acme/track", "/com.snowplowanalytics.snowplow/tp2");
        assertThat(c.cookie().domains()).containsExactly("acme.com");
        assertThat(c.cookie().path()).isEqualTo("/x");
        assertThat(c.sink().producer()).containsEntry("compression.type", "zstd");
    }

    static Stream<Arguments> precedence() {
        // key, reference value, file value (or null), environment variable, env value (or null), override (or null), expected
        return Stream.of(
                Arguments.of("cookie.name", "TRIBUTARY_COLLECTOR_COOKIE_NAME", null, null, null, "sp"),
                Arguments.of("cookie.name", "TRIBUTARY_COLLECTOR_COOKIE_NAME", "from-file", null, null, "from-file"),
                Arguments.of("cookie.name", "TRIBUTARY_COLLECTOR_COOKIE_NAME", null, "from-env", null, "from-env"),
                // The old reference.conf let a file beat the environment; the environment wins now.
                Arguments.of("cookie.name", "TRIBUTARY_COLLECTOR_COOKIE_NAME", "from-file", "from-env", null, "from-env"),
                Arguments.of("cookie.name", "TRIBUTARY_COLLECTOR_COOKIE_NAME", "from-file", "from-env", "from-code", "from-code"),
                Arguments.of("sink.bootstrap-servers", "TRIBUTARY_COLLECTOR_SINK_BOOTSTRAP_SERVERS", null, null, null,
                        "localhost:9092"),
                Arguments.of("sink.bootstrap-servers", "TRIBUTARY_COLLECTOR_SINK_BOOTSTRAP_SERVERS", "file:9092", null,
                        null, "file:9092"),
                Arguments.of("sink.bootstrap-servers", "TRIBUTARY_COLLECTOR_SINK_BOOTSTRAP_SERVERS", "file:9092",
                        "env:9092", null, "env:9092"),
                Arguments.of("sink.bootstrap-servers", "TRIBUTARY_COLLECTOR_SINK_BOOTSTRAP_SERVERS", "file:9092",
                        "env:9092", "code:9092", "code:9092"),
                Arguments.of("sink.good-topic", "TRIBUTARY_COLLECTOR_SINK_GOOD_TOPIC", "file-raw", "env-raw", null,
                        "env-raw"),
                Arguments.of("port", "TRIBUTARY_COLLECTOR_PORT", "9001", "9002", null, "9002"),
                Arguments.of("port", "TRIBUTARY_COLLECTOR_PORT", "9001", "9002", "9003", "9003"));
    }

    @ParameterizedTest(name = "{0}: file={2} env={3} override={4} -> {5}")
    @MethodSource("precedence")
    void oneKeyInReferenceFileEnvironmentAndCodeResolvesByPrecedence(String key, String variable, String file,
                                                                    String env, String override, String expected)
            throws Exception {
        Path path = file == null ? null
                : Files.writeString(dir.resolve("collector.conf"), "collector." + key + " = \"" + file + "\"\n");
        Map<String, String> environment = env == null ? Map.of() : Map.of(variable, env);
        Map<String, Object> overrides = new HashMap<>();
        if (override != null) {
            overrides.put("collector." + key, override);
        }
        LoadedConfig loaded = load(path, environment, overrides).requireKnownKeys();
        assertThat(loaded.environmentNames()).containsEntry("collector." + key, variable);
        assertThat(loaded.typed().string(key)).isEqualTo(expected);
        CollectorConfig c = CollectorConfig.from(loaded.typed()); // and the typed record agrees
        Object typed = switch (key) {
            case "cookie.name" -> c.cookie().name();
            case "sink.bootstrap-servers" -> c.sink().bootstrapServers();
            case "sink.good-topic" -> c.sink().goodTopic();
            default -> String.valueOf(c.port());
        };
        assertThat(typed).isEqualTo(expected);
    }

    @Test
    void theOldVariableNamesAreNotReadAnyMore() {
        // Not TRIBUTARY_COLLECTOR_*: outside the service's prefix, so neither read nor reported.
        LoadedConfig loaded = load(null, Map.of("TRIBUTARY_KAFKA_BOOTSTRAP_SERVERS", "old:9092",
                "TRIBUTARY_SCHEMA_REGISTRY_URL", "http://old:8081"), Map.of());
        CollectorConfig c = CollectorConfig.from(loaded.typed());
        assertThat(c.sink().bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(c.sink().schemaRegistryUrl()).isEqualTo("http://localhost:8081");
        assertThat(loaded.unknownKeys()).isEmpty();
    }

    @Test
    void aMisspeltKeyIsReportedByNameWithTheNearestKnownKey() throws Exception {
        Path file = Files.writeString(dir.resolve("collector.conf"), """
                collector {
                  prot = 9090
                  sink { bootstrap-server = "kafka:9092" }
                }
                """);
        LoadedConfig loaded = load(file, Map.of("TRIBUTARY_COLLECTOR_COOKIE_NAMES", "x"),
                Map.of("collector.networking.max-conections", 5));
        assertThat(loaded.unknownKeys()).extracting(UnknownKey::name).containsExactly("collector.prot",
                "collector.sink.bootstrap-server", "TRIBUTARY_COLLECTOR_COOKIE_NAMES",
                "collector.networking.max-conections");
        assertThat(loaded.unknownKeys()).extracting(k -> k.suggestion().orElse("")).containsExactly("collector.port",
                "collector.sink.bootstrap-servers", "TRIBUTARY_COLLECTOR_COOKIE_NAME",
                "collector.networking.max-connections");
        assertThatThrownBy(loaded::requireKnownKeys).isInstanceOf(ConfigError.class)
                .hasMessageContaining("collector.prot").hasMessageContaining("collector.port");
    }

    @Test
    void errorsNameTheKeyAndTheExpectedValue() {
        assertThatThrownBy(() -> config(Map.of("collector.port", 70000)))
                .isInstanceOf(ConfigError.class)
                .hasMessageContaining("collector.port").hasMessageContaining("0..65535");
        assertThatThrownBy(() -> config(Map.of("collector.port", "eighty")))
                .hasMessageContaining("collector.port").hasMessageContaining("integer").hasMessageContaining("'eighty'");
        assertThatThrownBy(() -> config(Map.of("collector.cookie.same-site", "Sometimes")))
                .hasMessageContaining("collector.cookie.same-site").hasMessageContaining("None, Lax, Strict");
        assertThatThrownBy(() -> config(Map.of("collector.cookie.path", "tracking")))
                .hasMessageContaining("collector.cookie.path").hasMessageContaining("'/'");
        assertThatThrownBy(() -> config(Map.of("collector.networking.drop-payload-size", 10)))
                .hasMessageContaining("collector.networking.drop-payload-size");
        assertThatThrownBy(() -> config(Map.of("collector.sink.bad-topic", "raw")))
                .hasMessageContaining("collector.sink.bad-topic");
        assertThatThrownBy(() -> config(Map.of("collector.sink.delivery-timeout", "soon")))
                .hasMessageContaining("collector.sink.delivery-timeout").hasMessageContaining("duration");
        assertThatThrownBy(() -> config(Map.of("collector.do-not-track-cookie.value", "(")))
                .hasMessageContaining("collector.do-not-track-cookie.value").hasMessageContaining("regular expression");
        assertThatThrownBy(() -> config(Map.of("collector.sink.schema-registry-url", "localhost:8081")))
                .hasMessageContaining("collector.sink.schema-registry-url").hasMessageContaining("http");
        assertThatThrownBy(() -> config(Map.of("collector.sink.buffer-memory", 1000)))
                .hasMessageContaining("collector.sink.buffer-memory").hasMessageContaining("1048576");
        assertThatThrownBy(() -> config(Map.of("collector.networking.max-connections", 0)))
                .hasMessageContaining("collector.networking.max-connections").hasMessageContaining("1..1000000");
        assertThatThrownBy(() -> config(Map.of("collector.networking.request-read-timeout", "0 s")))
                .hasMessageContaining("collector.networking.request-read-timeout").hasMessageContaining("positive duration");
        assertThatThrownBy(() -> config(Map.of("collector.networking.max-pipelined-requests", 0)))
                .hasMessageContaining("collector.networking.max-pipelined-requests").hasMessageContaining("1..1024");
        assertThatThrownBy(() -> config(Map.of("collector.sink.max-buffered-bytes", "lots")))
                .hasMessageContaining("collector.sink.max-buffered-bytes").hasMessageContaining("'auto' or a size");
        assertThatThrownBy(() -> config(Map.of("collector.sink.max-buffered-bytes", 1000)))
                .hasMessageContaining("collector.sink.max-buffered-bytes").hasMessageContaining("at least")
                .hasMessageContaining("got 1000");
        assertThatThrownBy(() -> config(Map.of("collector.trusted-proxies", List.of("10.0.0.0/8", "proxy.internal"))))
                .hasMessageContaining("collector.trusted-proxies[1]").hasMessageContaining("CIDR")
                .hasMessageContaining("'proxy.internal'");
        assertThatThrownBy(() -> config(Map.of("collector.redirect.domains", List.of("https://shop.example.com/"))))
                .hasMessageContaining("collector.redirect.domains[0]").hasMessageContaining("host name");
    }
}
