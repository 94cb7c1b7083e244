package dev.tributary.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.tributary.enrich.app.Versions;
import dev.tributary.runtime.cli.ExitCodes;
import dev.tributary.runtime.cli.ServiceRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** stream-enrich's definition run in-process by service-runtime's runner: flags, --print-config, exit codes. */
class StreamEnrichMainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return new ServiceRunner<>(StreamEnrichMain.DEFINITION, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printConfigShowsFlagsOverFileOverEnvironmentWithSecretsMasked() throws Exception {
        Path config = Files.writeString(dir.resolve("enrich.conf"), """
                enrich.input.topic = "from-file"
                enrich.output.bad-topic = "bad-from-file"
                enrich.streams.properties {
                  "sasl.jaas.config" = "org.apache.kafka.common.security.plain.PlainLoginModule required password=\\"hunter2\\";"
                  "ssl.truststore.password" = "hunter3"
                  "producer.compression.type" = lz4
                }
                """);
        Path enrichments = Files.createDirectories(dir.resolve("enrichments"));

        int code = run(Map.of("TRIBUTARY_STREAM_ENRICH_OUTPUT_BAD_TOPIC", "bad-from-env"),
                "--config", config.toString(), "--enrichments", enrichments.toString(), "--print-config");

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out()).doesNotContain("hunter2").doesNotContain("hunter3");
        Config printed = ConfigFactory.parseString(out());
        assertThat(printed.getString("enrich.input.topic")).isEqualTo("from-file");
        assertThat(printed.getString("enrich.output.bad-topic")).isEqualTo("bad-from-env");
        assertThat(printed.getString("enrich.enrichments")).isEqualTo(enrichments.toString());
        assertThat(printed.getString("enrich.streams.properties.\"sasl.jaas.config\"")).isEqualTo("******");
        assertThat(printed.getString("enrich.streams.properties.\"ssl.truststore.password\"")).isEqualTo("******");
        assertThat(printed.getString("enrich.streams.properties.\"producer.compression.type\"")).isEqualTo("lz4");
        assertThat(printed.getString("enrich.monitoring.host")).isEqualTo("127.0.0.1");
    }

    @Test
    void helpListsTheFlagsWithTheKeysTheySet() {
        assertThat(run(Map.of(), "--help")).isEqualTo(ExitCodes.OK);

        assertThat(out()).contains("--resolver=FILE").contains("enrich.resolver")
                .contains("--enrichments=DIR").contains("enrich.enrichments")
                .contains("--config").contains("--print-config").contains("--strict-config");
    }

    @Test
    void versionIsTheBuildsAndSignsTheOutput() {
        assertThat(run(Map.of(), "--version")).isEqualTo(ExitCodes.OK);

        assertThat(Versions.VERSION).isNotBlank().isNotEqualTo("unknown");
        assertThat(out().trim()).isEqualTo("stream-enrich " + Versions.VERSION);
        assertThat(Versions.ETL_VERSION).isEqualTo("tributary-stream-enrich-" + Versions.VERSION);
    }

    @Test
    void aBadValueExits2NamingTheKeyBeforeAnythingStarts() {
        int code = run(Map.of("TRIBUTARY_STREAM_ENRICH_STREAMS_THREADS", "many"));

        assertThat(code).isEqualTo(ExitCodes.CONFIG_ERROR);
        assertThat(err()).contains("enrich.streams.threads").contains("'many'")
                .contains("TRIBUTARY_STREAM_ENRICH_STREAMS_THREADS");
    }

    @Test
    void aMisspeltKeyIsAnErrorWithStrictConfig() throws Exception {
        Path config = Files.writeString(dir.resolve("enrich.conf"), "enrich.input.topik = \"x\"\n");

        int code = run(Map.of(), "--config", config.toString(), "--strict-config");

        assertThat(code).isEqualTo(ExitCodes.CONFIG_ERROR);
        assertThat(err()).contains("enrich.input.topik").contains("did you mean enrich.input.topic");
    }

    @Test
    void aBrokenEnrichmentFileExits2NamingTheKey() throws Exception {
        Path enrichments = Files.createDirectories(dir.resolve("enrichments"));
        Files.writeString(enrichments.resolve("anon_ip.json"), """
                {"schema": "iglu:com.snowplowanalytics.snowplow/anon_ip/jsonschema/1-0-1",
                 "data": {"vendor": "com.snowplowanalytics.snowplow", "name": "anon_ip", "enabled": true,
                          "parameters": {"anonOctets": 7}}}""");

        int code = run(Map.of("TRIBUTARY_STREAM_ENRICH_MONITORING_ENABLED", "false",
                "TRIBUTARY_STREAM_ENRICH_BOOTSTRAP_SERVERS", "127.0.0.1:1"), "--enrichments", enrichments.toString());

        assertThat(code).isEqualTo(ExitCodes.CONFIG_ERROR);
        assertThat(err()).contains("enrich.enrichments").contains("anon_ip.json").contains("anonOctets");
    }
}
