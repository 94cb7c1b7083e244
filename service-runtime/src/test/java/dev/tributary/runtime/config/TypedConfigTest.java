package dev.tributary.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every validation error names the full key, the expectation, the given value and where it came from. */
class TypedConfigTest {

    enum Mode { FAST_LANE, SLOW_LANE }

    @TempDir
    Path dir;

    @Test
    void aWrongTypeFromTheEnvironmentNamesKeyExpectedGivenAndVariable() {
        TypedConfig demo = env(Map.of("TRIBUTARY_DEMO_PORT", "eighty"));

        assertThatThrownBy(() -> demo.port("port")).isInstanceOfSatisfying(ConfigError.class, e -> {
            assertThat(e.key()).isEqualTo("demo.port");
            assertThat(e.expected()).isEqualTo("an integer 0..65535");
            assertThat(e.actual()).isEqualTo("'eighty'");
            assertThat(e.getMessage()).isEqualTo("demo.port: expected an integer 0..65535, got 'eighty'"
                    + " (from environment variable TRIBUTARY_DEMO_PORT)");
        });
    }

    @Test
    void anOutOfRangeValueFromAFileNamesTheFileAndLine() throws IOException {
        Path file = Files.writeString(dir.resolve("app.conf"), "\ndemo.port = 70000\n");
        TypedConfig demo = ConfigLoader.forService("demo", "demo").file(file).load().typed();

        assertThatThrownBy(() -> demo.port("port")).isInstanceOfSatisfying(ConfigError.class, e -> {
            assertThat(e.key()).isEqualTo("demo.port");
            assertThat(e.actual()).isEqualTo("70000");
            assertThat(e.origin()).hasValueSatisfying(o -> assertThat(o).contains("app.conf").contains("2"));
        });
    }

    @Test
    void aMissingKeyIsNamed() {
        TypedConfig demo = env(Map.of());

        assertThatThrownBy(() -> demo.at("kafka").string("client-id")).isInstanceOfSatisfying(ConfigError.class,
                e -> assertThat(e.getMessage())
                        .isEqualTo("demo.kafka.client-id: expected a string, got nothing (the key is missing)"));
    }

    @Test
    void durationsMustParseAndBePositive() {
        assertThatThrownBy(() -> env(Map.of("TRIBUTARY_DEMO_DELAY", "soon")).positiveDuration("delay"))
                .isInstanceOfSatisfying(ConfigError.class, e -> {
                    assertThat(e.key()).isEqualTo("demo.delay");
                    assertThat(e.actual()).isEqualTo("'soon'");
                    assertThat(e.expected()).contains("positive duration");
                });
        assertThatThrownBy(() -> env(Map.of("TRIBUTARY_DEMO_DELAY", "0s")).positiveDuration("delay"))
                .isInstanceOfSatisfying(ConfigError.class, e -> assertThat(e.actual()).isEqualTo("'0s'"));
    }

    @Test
    void enumsReadCaseAndDashInsensitivelyAndListTheChoices() {
        assertThat(env(Map.of()).enumValue("mode", Mode.class)).isEqualTo(Mode.FAST_LANE);
        assertThat(env(Map.of("TRIBUTARY_DEMO_MODE", "SLOW_lane")).enumValue("mode", Mode.class))
                .isEqualTo(Mode.SLOW_LANE);

        assertThatThrownBy(() -> env(Map.of("TRIBUTARY_DEMO_MODE", "warp")).enumValue("mode", Mode.class))
                .isInstanceOfSatisfying(ConfigError.class, e -> assertThat(e.getMessage())
                        .startsWith("demo.mode: expected one of FAST_LANE, SLOW_LANE, got 'warp'"));
    }

    @Test
    void aSecretKeysValueNeverAppearsInAnError() {
        TypedConfig demo = env(Map.of("TRIBUTARY_DEMO_KAFKA_PASSWORD", "hunter2"));

        assertThatThrownBy(() -> demo.at("kafka").intBetween("password", 0, 1))
                .isInstanceOfSatisfying(ConfigError.class, e -> {
                    assertThat(e.key()).isEqualTo("demo.kafka.password");
                    assertThat(e.actual()).isEqualTo(Secrets.MASK);
                    assertThat(e.getMessage()).doesNotContain("hunter2");
                });
    }

    @Test
    void urlsMustBeHttpWithAHost() {
        assertThat(env(Map.of()).httpUrl("registry-url")).hasHost("localhost");
        assertThatThrownBy(() -> env(Map.of("TRIBUTARY_DEMO_REGISTRY_URL", "localhost:8081")).httpUrl("registry-url"))
                .isInstanceOfSatisfying(ConfigError.class, e -> {
                    assertThat(e.key()).isEqualTo("demo.registry-url");
                    assertThat(e.actual()).isEqualTo("'localhost:8081'");
                });
    }

    @Test
    void aMapEntryThatIsNotAScalarIsNamedByItsQuotedKey() {
        TypedConfig demo = ConfigLoader.forService("demo", "demo")
                .override("demo.producer", Map.of("acks", List.of("all"))).load().typed();

        assertThatThrownBy(() -> demo.stringMap("producer")).isInstanceOfSatisfying(ConfigError.class,
                e -> assertThat(e.key()).isEqualTo("demo.producer.\"acks\""));
    }

    @Test
    void crossFieldChecksReportTheGivenValueToo() {
        TypedConfig demo = env(Map.of("TRIBUTARY_DEMO_WORKERS", "9"));

        ConfigError e = demo.invalid("workers", "at most demo.port / 1000");

        assertThat(e.getMessage()).isEqualTo("demo.workers: expected at most demo.port / 1000, got '9'"
                + " (from environment variable TRIBUTARY_DEMO_WORKERS)");
    }

    @Test
    void blankOptionalStringsAreAbsent() {
        assertThat(env(Map.of()).optionalString("api-token")).isEmpty();
        assertThat(env(Map.of("TRIBUTARY_DEMO_API_TOKEN", " t ")).optionalString("api-token")).contains("t");
    }

    private static TypedConfig env(Map<String, String> env) {
        return ConfigLoader.forService("demo", "demo").environment(env).load().typed();
    }
}
