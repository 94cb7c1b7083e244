package dev.tributary.loader.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** A loader config may be logged or shown in an error; the credentials in it never are. */
class SecretMaskingTest {

    private static final String CUSTOMER_KEY = Base64.getEncoder().encodeToString(
            "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    private static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"loader\" password=\"kafka-pass-123\";";

    private static LoaderConfig read(String hocon) {
        return LoaderConfigReader.read(ConfigFactory.parseString(hocon)
                .withFallback(ConfigFactory.defaultReference()).resolve());
    }

    @Test
    void toStringShowsWhichSecretsAreSetButNeverTheirValues() {
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
        assertThat(config.toString()).contains("customerKey=****").contains("sasl.jaas.config=****")
                .contains("ssl.key.password=****").contains("security.protocol=SASL_SSL")
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
}
