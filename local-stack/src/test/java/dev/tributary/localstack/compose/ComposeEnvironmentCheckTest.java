package dev.tributary.localstack.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.localstack.compose.ComposeEnvironmentCheck.Problem;
import dev.tributary.localstack.compose.ComposeEnvironmentCheck.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The checker on small compose files of its own: each way a name or value can be wrong is caught and named. */
class ComposeEnvironmentCheckTest {

    private static final String COLLECTOR_MAIN = "dev.tributary.collector.CollectorMain";
    private static final String ENRICH_MAIN = "dev.tributary.enrich.StreamEnrichMain";
    private static final String LOADER_MAIN = "dev.tributary.loader.S3LoaderMain";
    private static final String TRIGGER_MAIN = "dev.tributary.trigger.cli.TriggerCli";

    @TempDir
    Path dir;

    @Test
    void aServiceWithRealNamesAndValidValuesPasses() throws IOException {
        Report report = check(COLLECTOR_MAIN, "", """
                TRIBUTARY_COLLECTOR_INTERFACE: 0.0.0.0
                TRIBUTARY_COLLECTOR_PORT: "${COLLECTOR_PORT:-8080}"
                TRIBUTARY_COLLECTOR_SINK_BOOTSTRAP_SERVERS: kafka:9092
                TRIBUTARY_LOG_FORMAT: json
                JAVA_TOOL_OPTIONS: -Xmx512m
                """);

        assertThat(report.problems()).isEmpty();
        assertThat(report.checked()).singleElement().satisfies(c -> {
            assertThat(c.mainClass()).isEqualTo(COLLECTOR_MAIN);
            // Variables without the prefix are not ours to judge and are not counted as checked.
            assertThat(c.variables()).containsExactlyInAnyOrder("TRIBUTARY_COLLECTOR_INTERFACE",
                    "TRIBUTARY_COLLECTOR_PORT", "TRIBUTARY_COLLECTOR_SINK_BOOTSTRAP_SERVERS", "TRIBUTARY_LOG_FORMAT");
        });
    }

    @Test
    void aMisspeltNameIsReportedWithTheNameItProbablyMeant() throws IOException {
        Report report = check(COLLECTOR_MAIN, "", """
                TRIBUTARY_COLLECTOR_SINK_BOOTSTRAP_SERVER: kafka:9092
                """);

        assertThat(report.problems()).extracting(Problem::toString).singleElement().asString()
                .contains("service app:", "TRIBUTARY_COLLECTOR_SINK_BOOTSTRAP_SERVER (environment) is not read by "
                        + "service collector", "did you mean TRIBUTARY_COLLECTOR_SINK_BOOTSTRAP_SERVERS?");
    }

    @Test
    void anotherServicesVariableIsReported() throws IOException {
        // Ignored by the collector's loader (not its prefix), so only this check notices it does nothing.
        Report report = check(COLLECTOR_MAIN, "", """
                TRIBUTARY_STREAM_ENRICH_MONITORING_HOST: 0.0.0.0
                """);

        assertThat(report.problems()).extracting(Problem::message).singleElement().asString()
                .startsWith("TRIBUTARY_STREAM_ENRICH_MONITORING_HOST (environment) is not read by service collector");
    }

    @Test
    void aValueTheServiceRefusesIsReportedWithItsKey() throws IOException {
        Report report = check(LOADER_MAIN, "", """
                TRIBUTARY_S3_LOADER_PURPOSE: BAD_ROW
                """);

        assertThat(report.problems()).extracting(Problem::message).singleElement().asString()
                .contains("tributary.s3-loader.purpose", "BAD_ROW", "TRIBUTARY_S3_LOADER_PURPOSE");
    }

    @Test
    void aPortThatIsNotANumberIsReported() throws IOException {
        Report report = check(ENRICH_MAIN, "", """
                TRIBUTARY_STREAM_ENRICH_MONITORING_PORT: eighty
                """);

        assertThat(report.problems()).extracting(Problem::message).singleElement().asString()
                .contains("enrich.monitoring.port", "eighty");
    }

    @Test
    void aMainClassThatDoesNotExistIsReported() throws IOException {
        Report report = check("dev.tributary.collector.CollectorMian", "", "");

        assertThat(report.problems()).extracting(Problem::message).singleElement().asString()
                .contains("main class dev.tributary.collector.CollectorMian does not exist");
    }

    @Test
    void aClassWithoutMainIsReported() throws IOException {
        Report report = check("dev.tributary.collector.config.CollectorConfig", "", "");

        assertThat(report.problems()).extracting(Problem::message).singleElement().asString()
                .contains("has no public static void main(String[])");
    }

    @Test
    void theDockerfilesEnvIsCheckedToo() throws IOException {
        // The batch-trigger is a picocli CLI: its variables are its options' ${env:...} defaults.
        Report report = check(TRIGGER_MAIN, """
                ENV TRIBUTARY_SHREDDER_JAR=/opt/shredder.jar \\
                    TRIBUTARY_SHREDER_CLASSPATH=/opt/lib/*
                """, "");

        assertThat(report.problems()).extracting(Problem::message).singleElement().asString()
                .contains("TRIBUTARY_SHREDER_CLASSPATH (ENV of Dockerfile", "picocli command " + TRIGGER_MAIN,
                        "did you mean TRIBUTARY_SHREDDER_CLASSPATH?");
        assertThat(report.checked()).singleElement().extracting(c -> c.variables())
                .isEqualTo(Set.of("TRIBUTARY_SHREDDER_JAR"));
    }

    @Test
    void mergeKeysListFormAndInterpolationAreReadAsComposeReadsThem() {
        ComposeFile compose = ComposeFile.parse(dir, """
                x-common: &common
                  TRIBUTARY_S3_LOADER_INPUT_TOPIC: enriched
                services:
                  a:
                    environment:
                      <<: *common
                      PRICE: "$$5"
                  b:
                    environment:
                      - TRIBUTARY_S3_LOADER_NAME=${LOADER_NAME:-loader-b}
                      - EMPTY=${NOT_SET}
                """);

        assertThat(compose.services().get("a").environment())
                .containsEntry("TRIBUTARY_S3_LOADER_INPUT_TOPIC", "enriched").containsEntry("PRICE", "$5");
        assertThat(compose.services().get("b").environment())
                .containsEntry("TRIBUTARY_S3_LOADER_NAME", "loader-b").containsEntry("EMPTY", "");
    }

    /**
     * Property: any one-character slip in any variable of the three services (a letter changed, dropped or
     * doubled) that does not happen to give another real name is reported. Seeded, so a failure replays.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("slips")
    void everySlipOfARealNameIsReported(String real, String slipped, String main) throws IOException {
        Report report = check(main, "", slipped + ": x\n");

        assertThat(report.problems()).extracting(Problem::message).singleElement().asString()
                .startsWith(slipped + " (environment) is not read by");
    }

    static Stream<Arguments> slips() {
        Random random = new Random(20261201L);
        List<Arguments> cases = new ArrayList<>();
        for (String main : List.of(COLLECTOR_MAIN, ENRICH_MAIN, LOADER_MAIN)) {
            Set<String> known = knownNames(main);
            List<String> names = new ArrayList<>(known);
            for (int i = 0; i < 12; i++) {
                String real = names.get(random.nextInt(names.size()));
                String slipped = slip(real, random);
                if (!known.contains(slipped) && slipped.startsWith(ComposeEnvironmentCheck.PREFIX)) {
                    cases.add(Arguments.of(real, slipped, main));
                }
            }
        }
        return cases.stream();
    }

    private static Set<String> knownNames(String main) {
        try {
            return ServiceVariables.of(Class.forName(main)).names();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One slip after the prefix: replace, drop or double a character. */
    private static String slip(String name, Random random) {
        int at = ComposeEnvironmentCheck.PREFIX.length() + random.nextInt(name.length() - ComposeEnvironmentCheck.PREFIX.length());
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ_";
        return switch (random.nextInt(3)) {
            case 0 -> name.substring(0, at) + alphabet.charAt(random.nextInt(alphabet.length())) + name.substring(at + 1);
            case 1 -> name.substring(0, at) + name.substring(at + 1);
            default -> name.substring(0, at + 1) + name.substring(at);
        };
    }

    /** A compose file with one service "app" built from a Dockerfile whose entry point runs {@code main}. */
    private Report check(String main, String dockerfileExtra, String environment) throws IOException {
        Files.writeString(dir.resolve("Dockerfile"), "FROM eclipse-temurin:17-jre\n" + dockerfileExtra
                + "ENTRYPOINT [\"java\", \"-cp\", \"/opt/app/*\", \"" + main + "\"]\n");
        String env = environment.isBlank() ? "" : "    environment:\n"
                + environment.lines().map(l -> "      " + l + "\n").reduce("", String::concat);
        ComposeFile compose = ComposeFile.parse(dir, """
                services:
                  app:
                    build:
                      context: .
                      dockerfile: Dockerfile
                """ + env);
        return ComposeEnvironmentCheck.check(compose);
    }
}
