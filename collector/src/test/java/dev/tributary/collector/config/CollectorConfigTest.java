package dev.tributary.collector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorConfigTest {

    @Test
    void defaultsAreSnowplowsAndSafe() {
        CollectorConfig c = CollectorConfig.defaults();
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
        assertThat(c.networking().maxConnections()).isEqualTo(1024);
        assertThat(c.networking().requestReadTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.networking().maxPipelinedRequests()).isEqualTo(16);
        assertThat(c.sink().maxBufferedBytes()).isEqualTo(Math.max(Runtime.getRuntime().maxMemory() / 8,
                2_097_152L + 40_960 + 20_480));
        assertThat(c.trustedProxies()).isEmpty();
        assertThat(c.host()).isEqualTo("0.0.0.0");
    }

    @Test
    void limitsAndAddressesAreTyped() {
        CollectorConfig c = CollectorConfig.fromMap(Map.of(
                "collector.interface", "127.0.0.1",
                "collector.sink.max-buffered-bytes", "64M",
                "collector.trusted-proxies", java.util.List.of("10.0.0.0/8", "2001:db8::1"),
                "collector.redirect.domains", java.util.List.of("Shop.Example.com")));
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.sink().maxBufferedBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(c.trustedProxies()).extracting(Cidr::toString).containsExactly("10.0.0.0/8", "2001:db8::1/128");
        assertThat(c.redirects().domains()).containsExactly("shop.example.com");
    }

    @Test
    void aFileOverridesTheDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("collector.conf");
        Files.writeString(file, """
                collector {
                  port = 9999
                  paths { "/com.acme/track" = "/com.snowplowanalytics.snowplow/tp2" }
                  cookie { domains = ["acme.com"], path = "/x" }
                  sink.producer { "compression.type" = "zstd" }
                }
                """);
        CollectorConfig c = CollectorConfig.fromFile(file);
        assertThat(c.port()).isEqualTo(9999);
        assertThat(c.paths()).containsEntry("/com.acme/track", "/com.snowplowanalytics.snowplow/tp2");
        assertThat(c.cookie().domains()).containsExactly("acme.com");
        assertThat(c.cookie().path()).isEqualTo("/x");
        assertThat(c.sink().producer()).containsEntry("compression.type", "zstd");
    }

    @Test
    void errorsNameTheKeyAndTheExpectedValue() {
        assertThatThrownBy(() -> CollectorConfig.fromMap(Map.of("collector.port", 70000)))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("collector.port").hasMessageContaining("0..65535");
        assertThatThrownBy(() -> CollectorConfig.fromMap(Map.of("collector.port", "eighty")))
                .hasMessageContaining("collector.port").hasMessageContaining("integer");
        assertThatThrownBy(() -> CollectorConfig.fromMap(Map.of("collector.cookie.same-site", "Sometimes")))
                .hasMessageContaining("collector.cookie.same-site").hasMessageContaining("None, Lax, Strict");
        assertThatThrownBy(() -> CollectorConfig.fromMap(Map.of("collector.cookie.path", "tracking")))
                .hasMessageContaining("collector.cookie.path").hasMessageContaining("'/'");
        assertThatThrownBy(() -> CollectorConfig.fromMap(Map.of("collector.networking.drop-payload-size", 10)))
                .hasMessageContaining("collector.networking.drop-payload-size");
        assertThatThrownBy(() -> CollectorConfig.fromMap(Map.of("collector.sink.bad-topic", "raw")))
                .hasMessageContaining("collector.sink.bad-topic");
        assertThatThrownBy(() -> CollectorConfig.fromMap(Map.of("collector.sink.delivery-timeout", "soon")))
                .hasMessageContaining("collector.sink.delivery-timeout").hasMessageContaining("duration");
        assertThatThrownBy(() -> CollectorConfig.fromMap(Map.of("collector.do-not-track-cookie.value", "(")))
                .hasMessageContaining("collector.do-not-track-cookie.value").hasMessageContaining("regular expression");
        assertThatThrownBy(() -> CollectorConfig.fromMap(Map.of("collector.sink.schema-registry-url", "localhost:8081")))
                .hasMessageContaining("collector.sink.schema-registry-url").hasMessageContaining("http");
        assertThatThrownBy(() -> CollectorConfig.fromMap(Map.of("collector.networking.max-connections", 0)))
                .hasMessageContaining("collector.networking.max-connections").hasMessageContaining("1..1000000");
        assertThatThrownBy(() -> CollectorConfig.fromMap(Map.of("collector.networking.request-read-timeout", "0 s")))
                .hasMessageContaining("collector.networking.request-read-timeout").hasMessageContaining("positive duration");
        assertThatThrownBy(() -> CollectorConfig.fromMap(Map.of("collector.networking.max-pipelined-requests", 0)))
                .hasMessageContaining("collector.networking.max-pipelined-requests").hasMessageContaining("1..1024");
        assertThatThrownBy(() -> CollectorConfig.fromMap(Map.of("collector.sink.max-buffered-bytes", "lots")))
                .hasMessageContaining("collector.sink.max-buffered-bytes").hasMessageContaining("'auto' or a size");
        assertThatThrownBy(() -> CollectorConfig.fromMap(Map.of("collector.sink.max-buffered-bytes", 1000)))
                .hasMessageContaining("collector.sink.max-buffered-bytes").hasMessageContaining("at least")
                .hasMessageContaining("got 1000");
        assertThatThrownBy(() -> CollectorConfig.fromMap(Map.of("collector.trusted-proxies",
                java.util.List.of("10.0.0.0/8", "proxy.internal"))))
                .hasMessageContaining("collector.trusted-proxies[1]").hasMessageContaining("CIDR")
                .hasMessageContaining("'proxy.internal'");
        assertThatThrownBy(() -> CollectorConfig.fromMap(Map.of("collector.redirect.domains",
                java.util.List.of("https://shop.example.com/"))))
                .hasMessageContaining("collector.redirect.domains[0]").hasMessageContaining("host name");
    }
}
