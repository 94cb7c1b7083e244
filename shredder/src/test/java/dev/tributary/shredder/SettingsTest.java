package dev.tributary.shredder;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Encryption, endpoint and Iglu configuration as the job receives them. */
class SettingsTest {

    @Test
    void encryptionIsNamedExplicitlyInBothS3aSpellings() {
        Map<String, String> kms = new Encryption(Encryption.Mode.parse("aws:kms"), "arn:aws:kms:k").hadoopSettings();
        Map<String, String> s3 = new Encryption(Encryption.Mode.parse("AES256"), null).hadoopSettings();

        assertThat(kms).containsEntry("fs.s3a.encryption.algorithm", "SSE-KMS")
                .containsEntry("fs.s3a.encryption.key", "arn:aws:kms:k")
                .containsEntry("fs.s3a.server-side-encryption-algorithm", "SSE-KMS");
        assertThat(s3).containsEntry("fs.s3a.encryption.algorithm", "AES256").containsEntry("fs.s3a.encryption.key", "");
        assertThat(Encryption.none().hadoopSettings()).containsEntry("fs.s3a.encryption.algorithm", "");
        assertThat(new Encryption(Encryption.Mode.KMS, "secret-key").toString()).doesNotContain("secret-key");
        assertThatThrownBy(() -> new Encryption(Encryption.Mode.KMS, null)).hasMessageContaining("--sse-kms-key-id");
        assertThatThrownBy(() -> Encryption.Mode.parse("SSE-C")).hasMessageContaining("--sse");
    }

    @Test
    void theEndpointComesFromTheStandardAwsVariables() {
        assertThat(S3aEndpoint.hadoopSettings(Map.of())).isEmpty();
        assertThat(S3aEndpoint.hadoopSettings(Map.of("AWS_ENDPOINT_URL", "http://localhost:9000",
                "AWS_ENDPOINT_URL_S3", "https://minio:9000", "AWS_REGION", "eu-west-1")))
                .containsEntry("fs.s3a.endpoint", "https://minio:9000")
                .containsEntry("fs.s3a.path.style.access", "true")
                .containsEntry("fs.s3a.endpoint.region", "eu-west-1")
                .doesNotContainKey("fs.s3a.connection.ssl.enabled");
        assertThat(S3aEndpoint.hadoopSettings(Map.of("AWS_ENDPOINT_URL", "http://localhost:9000")))
                .containsEntry("fs.s3a.connection.ssl.enabled", "false");
    }

    @Test
    void igluConfigArrivesAsBase64AFileOrJson() throws Exception {
        String json = SparkTestSession.testResolver();
        Path file = Files.createTempFile("resolver", ".json");
        Files.writeString(file, json);

        assertThat(IgluConfigArgument.resolve(Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(json);
        assertThat(IgluConfigArgument.resolve(file.toString())).isEqualTo(json);
        assertThat(IgluConfigArgument.resolve(json)).isEqualTo(json.strip());
        assertThatThrownBy(() -> IgluConfigArgument.resolve("{\"data\":{\"cacheSize\":1}}"))
                .hasMessageStartingWith("--iglu-config");
        assertThatThrownBy(() -> IgluConfigArgument.resolve("%%%")).hasMessageContaining("--iglu-config");
        Files.delete(file);
    }
}
