package dev.tributary.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.runtime.testing.DemoServiceMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo service's main in its own JVM: real signals, real exit codes, the runtime's logging installed. */
class ServiceProcessTest {

    @TempDir
    Path dir;

    @Test
    void sigtermStopsTheServiceInOrderAndExits0() throws Exception {
        Path config = Files.writeString(dir.resolve("demo.conf"), "demo.greeting = child\n");
        // JSON logs: only the runtime's tributary-logback.xml reads TRIBUTARY_LOG_FORMAT, so JSON lines on stderr
        // prove the runner installed it (the test classpath's logback-test.xml would write logfmt).
        Process process = start(List.of("--config", config.toString()), List.of("TRIBUTARY_LOG_FORMAT=json"));
        try {
            // The service prints its line inside start(); the runner logs "started" once start() returned.
            await().atMost(Duration.ofSeconds(60)).until(() -> read("stdout").contains("demo: started child")
                    && read("stderr").contains("\"msg\":\"started\""));

            process.destroy(); // SIGTERM

            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(ExitCodes.OK);
            List<String> messages = new ArrayList<>();
            for (String line : read("stderr").split("\\R")) {
                JsonNode node = new ObjectMapper().readTree(line); // every line is one JSON object
                if (node.path("logger").asText().equals(ServiceRunner.class.getName())) {
                    messages.add(node.get("msg").asText());
                }
            }
            assertThat(messages).containsSubsequence("started", "stop requested", "stopped");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aBadConfigExits2NamingTheKey() throws Exception {
        Process process = start(List.of(), List.of("TRIBUTARY_DEMO_WORKERS=many"));
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(ExitCodes.CONFIG_ERROR);
            assertThat(read("stderr")).contains("demo.workers").contains("'many'");
            assertThat(read("stdout")).doesNotContain("demo: started");
        } finally {
            process.destroyForcibly();
        }
    }

    private Process start(List<String> args, List<String> env) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), DemoServiceMain.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("stdout").toFile())
                .redirectError(dir.resolve("stderr").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("TRIBUTARY_"));
        for (String kv : env) {
            String[] parts = kv.split("=", 2);
            builder.environment().put(parts[0], parts[1]);
        }
        return builder.start();
    }

    private String read(String name) throws IOException {
        return Files.readString(dir.resolve(name));
    }
}
