package dev.tributary.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void keysAreSecretByAnyMarkerInAnySegment() {
        Secrets secrets = Secrets.defaults();

        assertThat(secrets.isSecret("kafka.password")).isTrue();
        assertThat(secrets.isSecret("api-token")).isTrue();
        assertThat(secrets.isSecret("tls.key-material")).isTrue();
        assertThat(secrets.isSecret("oauth.client-secret")).isTrue();
        assertThat(secrets.isSecret("producer.\"ssl.keystore.password\"")).isTrue();
        assertThat(secrets.isSecret("producer.\"sasl.jaas.config\"")).isTrue();
        assertThat(secrets.isSecret("kafka.bootstrap-servers")).isFalse();
        assertThat(secrets.isSecret("registry.\"basic.auth.user.info\"")).isTrue();
        assertThat(secrets.isSecret("producer.\"ssl.keystore.key\"")).isTrue();
        assertThat(secrets.isSecret("ssl.keystore.key")).isTrue();
        assertThat(secrets.isSecret("producer.\"key.serializer\"")).isFalse();
        assertThat(secrets.isSecret("streams.out.partition-key")).isFalse();
        assertThat(secrets.isSecret("output.encryption.customer-key")).isFalse();
        assertThat(Secrets.withExtra(List.of("customer-key")).isSecret("output.encryption.customer-key")).isTrue();
    }

    @Test
    void clientPropertiesAreMaskedForLoggingAndSorted() {
        Map<String, String> masked = Secrets.defaults().masked(Map.of(
                "sasl.jaas.config", "PlainLoginModule required password=\"p\";",
                "basic.auth.user.info", "user:pass", "ssl.key.password", "k", "acks", "all"));

        assertThat(masked).containsExactly(Map.entry("acks", "all"), Map.entry("basic.auth.user.info", Secrets.MASK),
                Map.entry("sasl.jaas.config", Secrets.MASK), Map.entry("ssl.key.password", Secrets.MASK));
    }

    @Test
    void renderingMasksSecretsWhereverTheyCameFromAndKeepsEverythingElse() {
        LoadedConfig loaded = ConfigLoader.forService("demo", "demo")
                .environment(Map.of("TRIBUTARY_DEMO_API_TOKEN", "tok-123456", "TRIBUTARY_DEMO_GREETING", "hi there"))
                .override("demo.producer", Map.of("ssl.keystore.password", "ks-pass", "acks", "all",
                        "sasl.jaas.config", "PlainLoginModule required password=\"jaas-pass\";"))
                .secrets(Secrets.withExtra(List.of("customer-key")))
                .load();

        String rendered = loaded.render();

        assertThat(rendered).doesNotContain("changeme", "tok-123456", "ks-pass", "jaas-pass");
        assertThat(rendered).contains(Secrets.MASK).contains("hi there").contains("localhost:9092")
                .contains("acks");
        // Rendered HOCON parses back, under the root, with the masks in place.
        com.typesafe.config.Config back = com.typesafe.config.ConfigFactory.parseString(rendered);
        assertThat(back.getString("demo.kafka.password")).isEqualTo(Secrets.MASK);
        assertThat(back.getString("demo.api-token")).isEqualTo(Secrets.MASK);
        assertThat(back.getString("demo.greeting")).isEqualTo("hi there");
        assertThat(back.getInt("demo.port")).isEqualTo(8080);
    }

    @Test
    void credentialsWrittenIntoAUrlAreMaskedUnderAnyKey() {
        assertThat(Secrets.maskUrlCredentials("https://svc:pw-123@registry.example:8081/subjects"))
                .isEqualTo("https://******@registry.example:8081/subjects");
        assertThat(Secrets.maskUrlCredentials("jdbc:postgresql://loader:pw-123@db:5432/snowplow"))
                .isEqualTo("jdbc:postgresql://******@db:5432/snowplow");
        assertThat(Secrets.maskUrlCredentials("http://localhost:8081")).isEqualTo("http://localhost:8081");
        assertThat(Secrets.maskUrlCredentials("ops@example.com")).isEqualTo("ops@example.com");
        assertThat(Secrets.defaults().masked(Map.of("schema.registry.url", "http://svc:pw-123@registry:8081")))
                .containsEntry("schema.registry.url", "http://******@registry:8081");

        String rendered = ConfigLoader.forService("demo", "demo")
                .environment(Map.of("TRIBUTARY_DEMO_GREETING", "see http://svc:pw-123@registry:8081"))
                .load().render();
        assertThat(rendered).doesNotContain("pw-123").contains("http://******@registry:8081");
    }
}
