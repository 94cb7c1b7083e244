package dev.tributary.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** reference.conf < --config file < environment < overrides, for every combination of layers setting one key. */
class ConfigPrecedenceTest {

    @TempDir
    Path dir;

    static Stream<Arguments> layers() {
        // file, env, override set demo.greeting? -> the value that must win
        return Stream.of(
                Arguments.of(false, false, false, "hello"),
                Arguments.of(true, false, false, "from-file"),
                Arguments.of(false, true, false, "from-env"),
                Arguments.of(false, false, true, "from-override"),
                Arguments.of(true, true, false, "from-env"),
                Arguments.of(true, false, true, "from-override"),
                Arguments.of(false, true, true, "from-override"),
                Arguments.of(true, true, true, "from-override"));
    }

    @ParameterizedTest(name = "file={0} env={1} override={2} -> {3}")
    @MethodSource("layers")
    void theHighestLayerThatSetsTheKeyWins(boolean inFile, boolean inEnv, boolean inOverride, String expected)
            throws IOException {
        ConfigLoader loader = ConfigLoader.forService("demo", "demo");
        if (inFile) {
            loader.file(write("demo.greeting = from-file\n"));
        }
        Map<String, String> env = new HashMap<>();
        if (inEnv) {
            env.put("TRIBUTARY_DEMO_GREETING", "from-env");
        }
        loader.environment(env);
        if (inOverride) {
            loader.override("demo.greeting", "from-override");
        }

        assertThat(loader.load().typed().string("greeting")).isEqualTo(expected);
    }

    @Test
    void eachLayerOnlyReplacesTheKeysItSets() throws IOException {
        LoadedConfig loaded = ConfigLoader.forService("demo", "demo")
                .file(write("demo { port = 9000, workers = 3 }\n"))
                .environment(Map.of("TRIBUTARY_DEMO_WORKERS", "4"))
                .override("demo.delay", "5s")
                .load();
        TypedConfig demo = loaded.typed();

        assertThat(demo.string("greeting")).isEqualTo("hello"); // reference
        assertThat(demo.port("port")).isEqualTo(9000); // file
        assertThat(demo.intBetween("workers", 1, 64)).isEqualTo(4); // env over file
        assertThat(demo.positiveDuration("delay")).hasSeconds(5); // override
        assertThat(demo.string("kafka.bootstrap-servers")).isEqualTo("localhost:9092"); // reference, nested
    }

    @Test
    void aFileMayStillSubstituteFromItsOwnKeys() throws IOException {
        LoadedConfig loaded = ConfigLoader.forService("demo", "demo")
                .file(write("host = \"broker:9092\"\ndemo.kafka.bootstrap-servers = ${host}\n"))
                .load();

        assertThat(loaded.typed().string("kafka.bootstrap-servers")).isEqualTo("broker:9092");
    }

    @Test
    void environmentBeatsAFileThatSetsTheWholeParentObject() throws IOException {
        LoadedConfig loaded = ConfigLoader.forService("demo", "demo")
                .file(write("demo.kafka { bootstrap-servers = \"file:9092\" }\n"))
                .environment(Map.of("TRIBUTARY_DEMO_KAFKA_BOOTSTRAP_SERVERS", "env:9092"))
                .load();

        assertThat(loaded.typed().string("kafka.bootstrap-servers")).isEqualTo("env:9092");
        assertThat(loaded.typed().string("kafka.password")).isEqualTo("changeme");
    }

    private Path write(String hocon) throws IOException {
        Path file = Files.createTempFile(dir, "service", ".conf");
        Files.writeString(file, hocon);
        return file;
    }
}
