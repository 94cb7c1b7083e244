package dev.tributary.enrich.config;

import dev.tributary.enrich.EnrichTestConfigs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The output record limit, the JSON depth limit and the registry backoff: defaults, derivation and errors. */
class EnrichLimitsConfigTest {

    private static EnrichConfig with(Map<String, Object> values) {
        return EnrichTestConfigs.of((values));
    }

    @Test
    void theRecordLimitIsDerivedFromTheProducersMaxRequestSize() {
        EnrichConfig defaults = EnrichTestConfigs.of(Map.of());
        assertThat(defaults.limits()).isEqualTo(new EnrichConfig.Limits(1_048_576, 1_047_552, 50));
        assertThat(defaults.registryRetry())
                .isEqualTo(new EnrichConfig.RegistryRetry(Duration.ofMillis(100), Duration.ofSeconds(5)));

        EnrichConfig larger = with(Map.of("enrich.streams.max-request-size", 2_000_000));
        assertThat(larger.limits().maxRecordBytes()).isEqualTo(2_000_000 - 1024);
        assertThat(larger.limits().outputLimit().payloadChars()).isEqualTo((2_000_000 - 1024) / 10);
    }

    @Test
    void anExplicitRecordLimitMustLeaveRoomForTheRecordOverhead() {
        assertThat(with(Map.of("enrich.output.max-record-bytes", 500_000)).limits().maxRecordBytes())
                .isEqualTo(500_000);
        assertThatThrownBy(() -> with(Map.of("enrich.output.max-record-bytes", 1_048_576)))
                .hasMessageContaining("enrich.output.max-record-bytes")
                .hasMessageContaining("4096..1047552")
                .hasMessageContaining("got 1048576");
        assertThatThrownBy(() -> with(Map.of("enrich.output.max-record-bytes", "lots")))
                .hasMessageContaining("enrich.output.max-record-bytes").hasMessageContaining("auto");
    }

    @Test
    void maxRequestSizeHasOneSourceOnly() {
        assertThatThrownBy(() -> with(Map.of("enrich.streams.properties",
                Map.of("\"producer.max.request.size\"", "5000000"))))
                .hasMessageContaining("enrich.streams.max-request-size");
        assertThatThrownBy(() -> with(Map.of("enrich.streams.max-request-size", 100)))
                .hasMessageContaining("enrich.streams.max-request-size").hasMessageContaining("5120..");
    }

    @Test
    void depthAndBackoffAreChecked() {
        assertThat(with(Map.of("enrich.validation.max-json-depth", 20)).limits().maxJsonDepth()).isEqualTo(20);
        assertThatThrownBy(() -> with(Map.of("enrich.validation.max-json-depth", 0)))
                .hasMessageContaining("enrich.validation.max-json-depth").hasMessageContaining("1..1000");
        assertThatThrownBy(() -> with(Map.of("enrich.schema-registry-retry.max-backoff", "10 ms")))
                .hasMessageContaining("enrich.schema-registry-retry.max-backoff");
        assertThatThrownBy(() -> with(Map.of("enrich.schema-registry-retry.initial-backoff", "0 ms")))
                .hasMessageContaining("enrich.schema-registry-retry.initial-backoff");
    }
}
