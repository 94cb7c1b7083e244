package dev.tributary.localstack.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.localstack.compose.ComposeEnvironmentCheck.Checked;
import dev.tributary.localstack.compose.ComposeEnvironmentCheck.Report;
import dev.tributary.localstack.compose.ComposeFile.ComposeService;
import dev.tributary.trigger.cli.CliEnvironment;
import dev.tributary.trigger.cli.TriggerCli;
import dev.tributary.trigger.run.Backoff;
import dev.tributary.trigger.run.Sleeper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The repository's docker-compose.yml and Dockerfiles, read here because no Docker engine runs on the build machines
 * (.ci/run validates the file's syntax with docker-compose config): every variable set for our services is a key
 * that service reads, with a value it accepts; every image's main class exists; ports stay on loopback.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final ComposeFile COMPOSE = ComposeFile.read(ROOT.resolve("docker-compose.yml"));

    @Test
    void everyVariableOfOurServicesIsARealKeyWithAValidValue() {
        Report report = ComposeEnvironmentCheck.check(COMPOSE);

        assertThat(report.problems()).isEmpty();
        Map<String, String> mains = report.checked().stream()
                .collect(Collectors.toMap(Checked::service, Checked::mainClass));
        assertThat(mains).containsExactlyInAnyOrderEntriesOf(Map.of(
                "collector", "dev.tributary.collector.CollectorMain",
                "stream-enrich", "dev.tributary.enrich.StreamEnrichMain",
                "s3-loader-enriched", "dev.tributary.loader.S3LoaderMain",
                "s3-loader-bad", "dev.tributary.loader.S3LoaderMain",
                "batch-trigger", "dev.tributary.trigger.cli.TriggerCli"));
        // Not vacuous: each service had its variables looked at.
        assertThat(report.checked()).allSatisfy(c -> assertThat(c.variables()).as(c.service()).isNotEmpty());
    }

    @Test
    void servicesListenOnEveryInterfaceOfTheirContainer() {
        // Loopback is every service's default; inside a container that would leave the published port dead.
        assertThat(env("collector")).containsEntry("TRIBUTARY_COLLECTOR_INTERFACE", "0.0.0.0");
        assertThat(env("stream-enrich")).containsEntry("TRIBUTARY_STREAM_ENRICH_MONITORING_HOST", "0.0.0.0");
        assertThat(env("s3-loader-enriched")).containsEntry("TRIBUTARY_S3_LOADER_MONITORING_HOST", "0.0.0.0");
        assertThat(env("s3-loader-bad")).containsEntry("TRIBUTARY_S3_LOADER_MONITORING_HOST", "0.0.0.0");
    }

    @Test
    void theTwoLoadersReadTheirOwnTopicsInTheirOwnGroups() {
        Map<String, String> enriched = env("s3-loader-enriched");
        Map<String, String> bad = env("s3-loader-bad");
        assertThat(enriched).containsEntry("TRIBUTARY_S3_LOADER_PURPOSE", "ENRICHED_EVENTS")
                .containsEntry("TRIBUTARY_S3_LOADER_INPUT_TOPIC", "enriched")
                .containsEntry("TRIBUTARY_S3_LOADER_OUTPUT_ENCRYPTION_MODE", "AES256");
        assertThat(bad).containsEntry("TRIBUTARY_S3_LOADER_PURPOSE", "BAD_ROWS")
                .containsEntry("TRIBUTARY_S3_LOADER_INPUT_TOPIC", "bad")
                .containsEntry("TRIBUTARY_S3_LOADER_OUTPUT_ENCRYPTION_MODE", "aws:kms");
        assertThat(enriched.get("TRIBUTARY_S3_LOADER_INPUT_GROUP_ID"))
                .isNotEqualTo(bad.get("TRIBUTARY_S3_LOADER_INPUT_GROUP_ID"));
        // The bad loader's KMS key is the one MinIO's KMS holds.
        assertThat(env("minio").get("MINIO_KMS_SECRET_KEY"))
                .startsWith(bad.get("TRIBUTARY_S3_LOADER_OUTPUT_ENCRYPTION_KMS_KEY_ID") + ":");
    }

    @Test
    void everyPublishedPortIsOnLoopback() {
        List<String> ports = COMPOSE.services().values().stream()
                .flatMap(s -> list(s.raw().get("ports")).stream().map(p -> s.name() + " " + p))
                .toList();

        assertThat(ports).isNotEmpty().allSatisfy(p -> assertThat(p).matches("\\S+ 127\\.0\\.0\\.1:\\d+:\\d+"));
    }

    @Test
    void longRunningServicesHaveHealthChecksAndRestartPolicies() {
        for (String name : List.of("kafka", "schema-registry", "minio", "postgres", "collector", "stream-enrich",
                "s3-loader-enriched", "s3-loader-bad")) {
            ComposeService service = COMPOSE.services().get(name);
            assertThat(service).as(name).isNotNull();
            assertThat(service.raw()).as(name).containsEntry("restart", "unless-stopped").containsKey("healthcheck");
        }
        for (String oneShot : List.of("kafka-init", "minio-init", "batch-trigger")) {
            assertThat(COMPOSE.services().get(oneShot).raw()).as(oneShot).containsEntry("restart", "no");
        }
        assertThat(COMPOSE.services().get("batch-trigger").raw()).containsEntry("profiles", List.of("batch"));
    }

    @Test
    void dependenciesWaitForHealthOrCompletion() {
        for (ComposeService service : COMPOSE.services().values()) {
            if (!(service.raw().get("depends_on") instanceof Map<?, ?> dependsOn)) {
                assertThat(service.raw()).as(service.name()).doesNotContainKey("depends_on");
                continue;
            }
            dependsOn.forEach((target, how) -> {
                String condition = String.valueOf(((Map<?, ?>) how).get("condition"));
                String what = service.name() + " -> " + target;
                assertThat(condition).as(what).isIn("service_healthy", "service_completed_successfully");
                ComposeService dependency = COMPOSE.services().get(String.valueOf(target));
                assertThat(dependency).as(what).isNotNull();
                if (condition.equals("service_healthy")) {
                    assertThat(dependency.raw()).as(what).containsKey("healthcheck");
                } else {
                    assertThat(dependency.raw()).as(what).containsEntry("restart", "no");
                }
            });
        }
    }

    @Test
    void theBatchTriggersConfigurationLints() {
        Path batch = ROOT.resolve("docker/batch");
        for (List<String> args : List.of(
                List.of("lint", "config", "-c", batch.resolve("config.yml").toString()),
                List.of("lint", "resolver", "-r", batch.resolve("iglu_resolver.json").toString()),
                List.of("lint", "targets", "-t", batch.resolve("targets").toString()))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
            CliEnvironment environment = new CliEnvironment(name -> null, Clock.systemUTC(), print, print,
                    Sleeper.REAL, Backoff.emrDefault(), Backoff.s3Default(), () -> Duration.ZERO, 1,
                    CliEnvironment.CHILD_JVMS);

            int code = TriggerCli.execute(environment, args.toArray(String[]::new));

            assertThat(code).as(args + ": " + out.toString(StandardCharsets.UTF_8)).isZero();
        }
    }

    private static Map<String, String> env(String service) {
        return COMPOSE.services().get(service).environment();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }
}
