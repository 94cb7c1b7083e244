package dev.tributary.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tributary.runtime.testing.DemoConfig;
import dev.tributary.runtime.testing.DemoService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The runner in-process with the demo service: options, config errors, exit codes, monitoring, stop. */
class ServiceRunnerTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Map<String, String> env = new HashMap<>();
    private final AtomicReference<DemoService> created = new AtomicReference<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private ServiceRunner<DemoConfig> runner;

    @AfterEach
    void stopIfRunning() {
        if (runner != null && created.get() != null) {
            created.get().close();
        }
    }

    @Test
    void versionPrintsNameAndVersionAndExits0() {
        assertThat(run("--version")).isEqualTo(ExitCodes.OK);

        assertThat(out()).matches("demo \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R");
        assertThat(created.get()).isNull();
    }

    @Test
    void helpListsTheCommonOptionsTheServiceFlagsAndExitCodes() {
        assertThat(run("--help")).isEqualTo(ExitCodes.OK);

        assertThat(out()).contains("--config", "--print-config", "--strict-config", "--version",
                "--greeting", "sets demo.greeting", "TRIBUTARY_DEMO_<KEY>",
                "Exit codes: 0 clean stop, 1 runtime failure, 2 configuration or usage error");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(run("--bogus")).isEqualTo(ExitCodes.CONFIG_ERROR);

        assertThat(err()).contains("--bogus").contains("demo --help");
        assertThat(created.get()).isNull();
    }

    @Test
    void printConfigShowsTheEffectiveValuesWithSecretsMasked() throws IOException {
        Path file = Files.writeString(dir.resolve("demo.conf"), "demo { api-token = \"file-token\", port = 9000 }");
        env.put("TRIBUTARY_DEMO_KAFKA_PASSWORD", "env-password");
        env.put("TRIBUTARY_DEMO_WORKERS", "7");

        assertThat(run("--config", file.toString(), "--print-config")).isEqualTo(ExitCodes.OK);

        com.typesafe.config.Config printed = com.typesafe.config.ConfigFactory.parseString(out());
        assertThat(printed.getInt("demo.port")).isEqualTo(9000);
        assertThat(printed.getInt("demo.workers")).isEqualTo(7);
        assertThat(printed.getString("demo.kafka.password")).isEqualTo("******");
        assertThat(printed.getString("demo.api-token")).isEqualTo("******");
        assertThat(out()).doesNotContain("env-password", "file-token", "changeme");
        assertThat(created.get()).isNull();
    }

    @Test
    void anInvalidValueExits2NamingTheKeyAndTheValue() {
        env.put("TRIBUTARY_DEMO_WORKERS", "many");

        assertThat(run()).isEqualTo(ExitCodes.CONFIG_ERROR);

        assertThat(err()).contains("demo: configuration error: demo.workers: expected an integer 1..64, got 'many'"
                + " (from environment variable TRIBUTARY_DEMO_WORKERS)");
        assertThat(created.get()).isNull();
    }

    @Test
    void aMissingConfigFileExits2() {
        assertThat(run("--config", dir.resolve("nope.conf").toString())).isEqualTo(ExitCodes.CONFIG_ERROR);

        assertThat(err()).contains("--config: expected a readable HOCON file").contains("nope.conf");
    }

    @Test
    void withStrictConfigAnUnknownKeyExits2WithTheSuggestion() throws IOException {
        Path file = Files.writeString(dir.resolve("demo.conf"), "demo.prot = 9000");

        assertThat(run("--strict-config", "--config", file.toString())).isEqualTo(ExitCodes.CONFIG_ERROR);

        assertThat(err()).contains("demo.prot (in demo.conf): unknown key, did you mean demo.port?");
        assertThat(created.get()).isNull();
    }

    @Test
    void withoutStrictConfigAnUnknownKeyIsLoggedAndTheServiceRuns() throws Exception {
        Path file = Files.writeString(dir.resolve("demo.conf"), "demo.prot = 9000");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Logger logger = (Logger) LoggerFactory.getLogger(ServiceRunner.class);
        logger.addAppender(logged);
        try {
            CompletableFuture<Integer> exit = start("--config", file.toString());
            runner.requestStop();
            assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
        } finally {
            logger.detachAppender(logged);
        }

        assertThat(logged.list).anySatisfy(e -> {
            assertThat(e.getFormattedMessage()).isEqualTo("unknown configuration key ignored");
            assertThat(e.getKeyValuePairs()).anySatisfy(kv -> {
                assertThat(kv.key).isEqualTo("key");
                assertThat(kv.value).isEqualTo("demo.prot");
            });
        });
    }

    @Test
    void aRunningServiceServesMonitoringAndStopsCleanlyWithExit0() throws Exception {
        env.put("TRIBUTARY_DEMO_GREETING", "from-env");
        CompletableFuture<Integer> exit = start("--greeting", "from-flag");
        DemoService service = created.get();
        int port = runner.monitoringPort().orElseThrow();

        assertThat(service.config().greeting()).isEqualTo("from-flag"); // flags are overrides: they beat env
        assertThat(out()).contains("demo: started from-flag");
        HttpResponse<String> ready = get(port, "/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"demo-loop\":{\"status\":\"UP\",\"detail\":\"running\"}");
        assertThat(get(port, "/health").statusCode()).isEqualTo(200);
        assertThat(get(port, "/metrics").body()).contains("demo_greetings_total 1.0")
                .containsPattern("tributary_build_info\\{service=\"demo\",version=\""
                        + java.util.regex.Pattern.quote(runner.version()) + "\"} 1(\\.0)?\\R")
                .contains("jvm_memory_used_bytes");

        runner.requestStop();

        assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
        assertThat(service.closes()).isPositive();
        assertThatThrownBy(() -> get(port, "/health")).isInstanceOf(ConnectException.class);
    }

    @Test
    void aStopBeforeStartUpBuildsNothingAndExits0() {
        runner = new ServiceRunner<>(definition(), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        runner.requestStop();

        assertThat(runner.run(new String[0])).isEqualTo(ExitCodes.OK);

        assertThat(created.get()).isNull();
    }

    @Test
    void aServiceThatCannotStartExits1() {
        env.put("TRIBUTARY_DEMO_BEHAVIOUR", "fail-start");

        assertThat(run()).isEqualTo(ExitCodes.RUNTIME_FAILURE);

        assertThat(err()).contains("demo: failed: demo could not start");
        assertThat(created.get().closes()).isPositive();
    }

    @Test
    void aServiceThatFailsAfterStartingExits1() {
        env.put("TRIBUTARY_DEMO_BEHAVIOUR", "fail-later");

        assertThat(run()).isEqualTo(ExitCodes.RUNTIME_FAILURE);

        assertThat(err()).contains("demo loop died");
    }

    @Test
    void aMonitoringPortInUseExits1NamingTheKey() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            env.put("TRIBUTARY_DEMO_MONITORING_PORT", Integer.toString(taken.getLocalPort()));

            assertThat(run()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
        }

        assertThat(err()).contains("demo.monitoring.host/port");
    }

    @Test
    void aMonitoringPortOutOfRangeIsAConfigError() {
        env.put("TRIBUTARY_DEMO_MONITORING_PORT", "70000");

        assertThat(run()).isEqualTo(ExitCodes.CONFIG_ERROR);

        assertThat(err()).contains("demo.monitoring.port: expected an integer 0..65535, got '70000'");
    }

    private int run(String... args) {
        runner = new ServiceRunner<>(definition(), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return runner.run(args);
    }

    private CompletableFuture<Integer> start(String... args) throws InterruptedException {
        runner = new ServiceRunner<>(definition(), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> runner.run(args));
        runner.awaitRunning();
        assertThat(exit).isNotDone();
        return exit;
    }

    private ServiceDefinition<DemoConfig> definition() {
        ServiceDefinition<DemoConfig> demo = DemoService.DEFINITION;
        return new ServiceDefinition<>(demo.name(), demo.configRoot(), demo.description(), demo.versionAnchor(),
                demo.binder(), (config, context) -> {
                    DemoService service = new DemoService(config, context);
                    created.set(service);
                    return service;
                }, demo.options(), demo.secrets(), demo.openObjects(), demo.monitoring());
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
