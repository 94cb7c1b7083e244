package dev.tributary.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnknownKeysTest {

    @TempDir
    Path dir;

    @Test
    void aMisspeltKeyIsReportedByNameWithTheNearestKnownKey() throws IOException {
        LoadedConfig loaded = loadFile("demo { prot = 9000, kafka.bootstrap-server = \"x:1\" }");

        assertThat(loaded.unknownKeys()).containsExactlyInAnyOrder(
                new UnknownKey("demo.prot", "app.conf", Optional.of("demo.port")),
                new UnknownKey("demo.kafka.bootstrap-server", "app.conf",
                        Optional.of("demo.kafka.bootstrap-servers")));
        // The misspelt value is not applied anywhere.
        assertThat(loaded.typed().port("port")).isEqualTo(8080);
    }

    @Test
    void aKeyFarFromEveryKnownKeyHasNoSuggestion() throws IOException {
        LoadedConfig loaded = loadFile("demo.completely-unrelated-setting = 1");

        assertThat(loaded.unknownKeys())
                .containsExactly(new UnknownKey("demo.completely-unrelated-setting", "app.conf", Optional.empty()));
    }

    @Test
    void entriesOfAnOpenObjectAreNotUnknown() throws IOException {
        LoadedConfig loaded = loadFile("demo.producer { \"linger.ms\" = 5, acks = all }");

        assertThat(loaded.unknownKeys()).isEmpty();
        assertThat(loaded.typed().stringMap("producer")).containsEntry("linger.ms", "5");
    }

    @Test
    void aMisspeltRootIsReportedAndOtherRootsAreLeftAlone() throws IOException {
        LoadedConfig loaded = loadFile("dmeo { port = 1 }\nenrich { threads = 2 }");

        assertThat(loaded.unknownKeys()).containsExactly(new UnknownKey("dmeo", "app.conf", Optional.of("demo")));
    }

    @Test
    void aMisspeltSegmentOfATwoSegmentRootIsReported() throws IOException {
        Path file = Files.writeString(dir.resolve("loader.conf"), "tributary.demo-loadr.bucket-name = x");

        LoadedConfig loaded = ConfigLoader.forService("demo-loader", "tributary.demo-loader").file(file).load();

        assertThat(loaded.unknownKeys()).containsExactly(
                new UnknownKey("tributary.demo-loadr", "loader.conf", Optional.of("tributary.demo-loader")));
    }

    @Test
    void unknownOverridesAreReportedToo() {
        LoadedConfig loaded = ConfigLoader.forService("demo", "demo").override("demo.worker", 3).load();

        assertThat(loaded.unknownKeys())
                .containsExactly(new UnknownKey("demo.worker", "overrides", Optional.of("demo.workers")));
    }

    @Test
    void strictLoadingTurnsTheFirstUnknownKeyIntoAnErrorNamingIt() throws IOException {
        LoadedConfig loaded = loadFile("demo { prot = 9000, zzzzzzzzzzzzzz = 1 }");

        assertThatThrownBy(loaded::requireKnownKeys).isInstanceOfSatisfying(ConfigError.class, e -> {
            assertThat(e.key()).isEqualTo("demo.prot");
            assertThat(e.getMessage()).contains("did you mean demo.port?").contains("1 more unknown")
                    .contains("demo.zzzzzzzzzzzzzz").contains("app.conf");
        });
    }

    @Test
    void aCleanFileHasNoUnknownKeys() throws IOException {
        assertThat(loadFile("demo { port = 1, kafka { password = x }, monitoring.port = 9 }").requireKnownKeys()
                .unknownKeys()).isEmpty();
    }

    @Test
    void suggestionsCountATranspositionAsOneEdit() {
        assertThat(Suggestions.distance("prot", "port")).isEqualTo(1);
        assertThat(Suggestions.closest("wokrers", java.util.List.of("workers", "port"))).contains("workers");
    }

    private LoadedConfig loadFile(String hocon) throws IOException {
        Path file = Files.writeString(dir.resolve("app.conf"), hocon);
        return ConfigLoader.forService("demo", "demo").file(file).load();
    }
}
