package dev.tributary.loader.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.loader.S3LoaderMain;
import dev.tributary.runtime.cli.ExitCodes;
import dev.tributary.runtime.cli.ServiceRunner;
import dev.tributary.runtime.config.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A loader config may be logged or shown in an error; the credentials in it never are. */
class SecretMaskingTest {

    private static final String CUSTOMER_KEY = Base64.getEncoder().encodeToString(
            "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    private static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"loader\" password=\"kafka-pass-123\";";

    @TempDir
    Path dir;

    private LoaderConfig read(String hocon) throws IOException {
        Path file = Files.writeString(Files.createTempFile(dir, "loader", ".conf"), hocon);
        return LoaderConfig.from(LoaderConfig.configLoader().file(file).environment(Map.of()).load().typed());
    }

    @Test
    void toStringShowsWhichSecretsAreSetButNeverTheirValues() throws IOException {
        LoaderConfig config = read("""
                tributary.s3-loader {
                  output.encryption { mode = "SSE-C", customer-key = "%s" }
                  input.consumer { "sasl.jaas.config" = "%s", "security.protocol" = "SASL_SSL" }
                  output.bad.producer { "ssl.key.password" = "key-pass-456", "ssl.keystore.password" = "ks-pass-789",
                                        "key.serializer.note" = "visible" }
                }""".formatted(CUSTOMER_KEY, JAAS.replace("\"", "\\\"")));

        // The values are there for the loader to use ...
        assertThat(config.encryption().customerKey()).contains(CUSTOMER_KEY);
        assertThat(config.input().consumerProperties()).containsEntry("sasl.jaas.config", JAAS);

        // ... and nowhere in what gets printed.
        for (String printed : new String[] {config.toString(), config.encryption().toString(),
                config.input().toString()}) {
            assertThat(printed).doesNotContain(CUSTOMER_KEY).doesNotContain("kafka-pass-123")
                    .doesNotContain("key-pass-456").doesNotContain("ks-pass-789");
        }
        assertThat(config.toString()).contains("customerKey=" + Secrets.MASK).contains("sasl.jaas.config=" + Secrets.MASK)
                .contains("ssl.key.password=" + Secrets.MASK).contains("security.protocol=SASL_SSL")
                .contains("key.serializer.note=visible");
    }

    @Test
    void aWrongCustomerKeyIsRefusedWithoutEchoingIt() {
        String tooShort = Base64.getEncoder().encodeToString("short-secret".getBytes());
        assertThatThrownBy(() -> read("tributary.s3-loader.output.encryption { mode = \"SSE-C\", customer-key = \""
                + tooShort + "\" }"))
                .hasMessageContaining("tributary.s3-loader.output.encryption.customer-key")
                .hasMessageNotContaining(tooShort);
    }

    @Test
    void printConfigShowsTheEffectiveConfigWithEverySecretMasked() throws IOException {
        Path file = Files.writeString(dir.resolve("loader.conf"), """
                tributary.s3-loader {
                  input.consumer { "sasl.jaas.config" = "%s", "security.protocol" = "SASL_SSL" }
                  output.bad.producer { "ssl.keystore.password" = "ks-pass-789" }
                }""".formatted(JAAS.replace("\"", "\\\"")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ServiceRunner<LoaderConfig> runner = new ServiceRunner<>(S3LoaderMain.DEFINITION,
                Map.of("TRIBUTARY_S3_LOADER_OUTPUT_ENCRYPTION_MODE", "SSE-C",
                        "TRIBUTARY_S3_LOADER_OUTPUT_ENCRYPTION_CUSTOMER_KEY", CUSTOMER_KEY,
                        "TRIBUTARY_S3_LOADER_INPUT_TOPIC", "printed-topic"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        int code = runner.run(new String[] {"--config", file.toString(), "--print-config"});

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCodes.OK);
        assertThat(printed).contains("printed-topic").contains("SASL_SSL").contains("SSE-C")
                .contains("customer-key").contains("******")
                .doesNotContain(CUSTOMER_KEY).doesNotContain("kafka-pass-123").doesNotContain("ks-pass-789");
    }
}
