package dev.tributary.collector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.runtime.cli.ExitCodes;
import dev.tributary.runtime.cli.ServiceRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector's command line is the service runtime's: {@code --print-config}, {@code --strict-config}, exit 2
 * naming the key. None of these reach a broker, so none needs one (SIGTERM and serving are in
 * {@link GracefulShutdownTest}, against a broker).
 */
class CollectorMainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        ServiceRunner<?> runner = new ServiceRunner<>(CollectorMain.DEFINITION, env,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return runner.run(args);
    }

    @Test
    void printConfigShowsTheEffectiveConfigWithSecretsMasked() throws Exception {
        Path file = Files.writeString(dir.resolve("collector.conf"), """
                collector.sink.producer {
                  "security.protocol" = "SASL_SSL"
                  "sasl.jaas.config" = "PlainLoginModule required username=\\"u\\" password=\\"hunter2\\";"
                  "ssl.truststore.password" = "truststore-secret"
                }
                """);
        int code = run(Map.of("TRIBUTARY_COLLECTOR_SINK_BOOTSTRAP_SERVERS", "env-kafka:9092"),
                "--config", file.toString(), "--print-config");
        assertThat(code).isEqualTo(ExitCodes.OK);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("env-kafka:9092", "SASL_SSL", "max-pipelined-requests", "trusted-proxies")
                .contains("******").doesNotContain("hunter2").doesNotContain("truststore-secret");
    }

    @Test
    void aMisspeltKeyIsAWarningByDefaultAndExit2WithStrictConfig() throws Exception {
        Path file = Files.writeString(dir.resolve("collector.conf"), "collector.prot = 9090\n");
        assertThat(run(Map.of(), "--config", file.toString(), "--print-config")).isEqualTo(ExitCodes.OK);

        assertThat(run(Map.of(), "--config", file.toString(), "--strict-config")).isEqualTo(ExitCodes.CONFIG_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("collector.prot").contains("collector.port");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("collector: http");
    }

    @Test
    void aBadValueExits2NamingTheKeyTheExpectationAndTheVariable() {
        int code = run(Map.of("TRIBUTARY_COLLECTOR_NETWORKING_MAX_PIPELINED_REQUESTS", "lots"));
        assertThat(code).isEqualTo(ExitCodes.CONFIG_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("collector.networking.max-pipelined-requests")
                .contains("1..1024").contains("'lots'").contains("TRIBUTARY_COLLECTOR_NETWORKING_MAX_PIPELINED_REQUESTS");
    }

    @Test
    void theProcessExits2NamingTheKeyOnABadConfig() throws Exception {
        Path file = Files.writeString(dir.resolve("collector.conf"), "collector.cookie.same-site = Sometimes\n");
        Process process = start(List.of("--config", file.toString()), Map.of("TRIBUTARY_COLLECTOR_PORT", "0"));
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(ExitCodes.CONFIG_ERROR);
            assertThat(Files.readString(dir.resolve("stderr"))).contains("collector.cookie.same-site")
                    .contains("'Sometimes'");
            assertThat(Files.readString(dir.resolve("stdout"))).doesNotContain("collector: http");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void helpAndVersionExit0() {
        assertThat(run(Map.of(), "--version")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("collector ");
        assertThat(run(Map.of(), "--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--config", "--print-config", "--strict-config");
    }

    /** {@code CollectorMain} in a child JVM, {@code TRIBUTARY_*} of this shell removed, output in files. */
    Process start(List<String> args, Map<String, String> env) throws IOException {
        return startCollector(dir, args, env);
    }

    static Process startCollector(Path dir, List<String> args, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), CollectorMain.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("stdout").toFile())
                .redirectError(dir.resolve("stderr").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("TRIBUTARY_"));
        builder.environment().putAll(env);
        return builder.start();
    }
}
