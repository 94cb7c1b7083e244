package dev.tributary.trigger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.trigger.config.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code TriggerCli.main} in its own JVM: service-runtime's logging (on stderr, in the format of
 * {@code TRIBUTARY_LOG_FORMAT}) whatever logback file is on the classpath, and EmrEtlRunner's exit codes rather than
 * the runtime's (a usage error is 1, not 2).
 */
@Timeout(120)
class TriggerMainProcessTest {

    @TempDir
    Path dir;

    record Outcome(int exit, String out, String err) {
    }

    Outcome main(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), TriggerCli.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(Fixtures.ENV);
        builder.environment().putAll(env);
        int exit = builder.start().waitFor();
        return new Outcome(exit, Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void logsAreTheRuntimesJsonLinesOnStderrAndALockHeldExits17() throws Exception {
        Path lock = Files.writeString(dir.resolve("etl.lock"), "999");
        Path resolver = Files.writeString(dir.resolve("resolver.json"),
                "{\"schema\":\"iglu:com.snowplowanalytics.iglu/resolver-config/jsonschema/1-0-1\","
                        + "\"data\":{\"cacheSize\":500,\"repositories\":[]}}");

        Outcome o = main(Map.of("TRIBUTARY_LOG_FORMAT", "json"), "run", "--runner", "local",
                "-c", Fixtures.resource("config/stream_config.yml").toString(), "-r", resolver.toString(),
                "-n", dir.toString(), "-l", lock.toString(), "-x", "shred,rdb_load,archive_shredded");

        assertThat(o.exit()).as(o.err()).isEqualTo(17);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : o.err().strip().split("\n")) {
            lines.add(new ObjectMapper().readTree(line)); // every stderr line is one JSON object
        }
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.path("level").asText()).isEqualTo("INFO");
            assertThat(l.path("logger").asText()).isEqualTo(RunWiring.class.getName());
            assertThat(l.path("msg").asText()).contains("enrichments are unused");
        });
        assertThat(o.err()).doesNotContain("wJalrXUtnFEMI"); // the configured secret key
        // stdout: progress lines and the summary, never log lines.
        assertThat(o.out()).contains("\"exitCode\":17").doesNotContain("\"level\"");
    }

    @Test
    void aUsageErrorExits1AsEmrEtlRunnerDid() throws Exception {
        Outcome o = main(Map.of(), "run", "-c", "config.yml", "-r", "resolver.json", "--no-such-option");

        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.err()).contains("--no-such-option");
    }

    @Test
    void versionIsTheRuntimesVersionOfTheBuild() throws Exception {
        Outcome o = main(Map.of(), "--version");

        assertThat(o.exit()).isZero();
        assertThat(o.out().strip()).isEqualTo("tributary-trigger " + TriggerCli.VERSION)
                .doesNotContain("unknown");
    }
}
