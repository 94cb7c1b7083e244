package dev.tributary.loader.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoaderConfigReaderTest {

    private static LoaderConfig read(String hocon) {
        Config config = ConfigFactory.parseString(hocon).withFallback(ConfigFactory.defaultReference()).resolve();
        return LoaderConfigReader.read(config);
    }

    @Test
    void referenceDefaultsAreAValidEnrichedLoaderWithSseS3() {
        LoaderConfig c = read("");
        assertThat(c.purpose()).isEqualTo(Purpose.ENRICHED_EVENTS);
        assertThat(c.encryption().mode()).isEqualTo(EncryptionConfig.Mode.AES256);
        assertThat(c.buffer()).isEqualTo(new BufferConfig(100_000, 64L * 1024 * 1024, Duration.ofMinutes(1)));
        assertThat(c.s3().partitionFormat()).isEqualTo("{yyyy}/{MM}/{dd}/{HH}");
    }

    @Test
    void readsKmsEncryptionWithContext() {
        LoaderConfig c = read("""
                tributary.s3-loader.output.encryption {
                  mode = "aws:kms"
                  kms-key-id = "arn:aws:kms:eu-west-1:1:key/k"
                  kms-context { team = data }
                  bucket-key-enabled = true
                }""");
        assertThat(c.encryption().kmsKeyId()).contains("arn:aws:kms:eu-west-1:1:key/k");
        assertThat(c.encryption().kmsContext()).containsEntry("team", "data");
        assertThat(c.encryption().bucketKeyEnabled()).isTrue();
    }

    @Test
    void theGzipLevelIsASetting() {
        assertThat(read("tributary.s3-loader.buffer.gzip-level = 1").buffer().gzipLevel()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "tributary.s3-loader.output.encryption.mode = \"aws:kms\"|tributary.s3-loader.output.encryption.kms-key-id",
            "tributary.s3-loader.output.encryption.mode = \"rot13\"|tributary.s3-loader.output.encryption.mode",
            "tributary.s3-loader.output.encryption.mode = \"SSE-C\"|tributary.s3-loader.output.encryption.customer-key",
            "tributary.s3-loader.purpose = \"LOGS\"|tributary.s3-loader.purpose",
            "tributary.s3-loader.buffer.max-records = 0|tributary.s3-loader.buffer.max-records",
            "tributary.s3-loader.buffer.max-delay = \"soon\"|tributary.s3-loader.buffer.max-delay",
            "tributary.s3-loader.buffer.gzip-level = 10|tributary.s3-loader.buffer.gzip-level",
            "tributary.s3-loader.buffer.gzip-level = 0|tributary.s3-loader.buffer.gzip-level",
            "tributary.s3-loader.output.s3.part-size = 1MiB|tributary.s3-loader.output.s3.part-size",
            "tributary.s3-loader.output.s3.bucket = \"Not_A_Bucket\"|tributary.s3-loader.output.s3.bucket",
            "tributary.s3-loader.output.s3.partition-format = \"{vendor}\"|tributary.s3-loader.output.s3.partition-format",
            "tributary.s3-loader.input.format = AVRO|tributary.s3-loader.input.schema-registry-url",
            "tributary.s3-loader.monitoring.port = 70000|tributary.s3-loader.monitoring.port",
    })
    void errorsNameTheKey(String hocon, String key) {
        assertThatThrownBy(() -> read(hocon)).isInstanceOf(LoaderConfigException.class).hasMessageContaining(key);
    }

    @Test
    void aFileOverridesTheReferenceAndAMissingFileIsNamed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("loader.conf");
        java.nio.file.Files.writeString(file, """
                tributary.s3-loader {
                  purpose = BAD_ROWS
                  input.topic = bad
                  output.s3 { prefix = "/bad/", partition-format = "{vendor}.{name}/{format}-{model}" }
                }""");

        LoaderConfig c = LoaderConfigReader.load(java.util.Optional.of(file));

        assertThat(c.purpose()).isEqualTo(Purpose.BAD_ROWS);
        assertThat(c.input().topic()).isEqualTo("bad");
        assertThat(c.s3().prefix()).isEqualTo("bad");
        assertThatThrownBy(() -> LoaderConfigReader.load(java.util.Optional.of(dir.resolve("absent.conf"))))
                .hasMessageContaining("absent.conf");
    }

    @Test
    void theCustomerKeyIsNeverEchoedInErrors() {
        assertThatThrownBy(() -> read("""
                tributary.s3-loader.output.encryption { mode = "SSE-C", customer-key = "c2VjcmV0LXRvby1zaG9ydA==" }"""))
                .hasMessageNotContaining("c2VjcmV0LXRvby1zaG9ydA==");
    }
}
