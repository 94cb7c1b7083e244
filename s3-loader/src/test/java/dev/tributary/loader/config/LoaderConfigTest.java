package dev.tributary.loader.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.runtime.config.ConfigError;
import dev.tributary.runtime.config.ConfigLoader;
import dev.tributary.runtime.config.LoadedConfig;
import dev.tributary.runtime.config.UnknownKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link LoaderConfig#from} through the runtime's loader: reference.conf < --config file < environment. */
class LoaderConfigTest {

    @TempDir
    Path dir;

    private LoaderConfig read(String hocon) throws IOException {
        return LoaderConfig.from(LoaderConfig.configLoader().file(write(hocon)).environment(Map.of()).load().typed());
    }

    private Path write(String hocon) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "loader", ".conf"), hocon);
    }

    @Test
    void referenceDefaultsAreAValidEnrichedLoaderWithSseS3() throws IOException {
        LoaderConfig c = read("");
        assertThat(c.purpose()).isEqualTo(Purpose.ENRICHED_EVENTS);
        assertThat(c.encryption().mode()).isEqualTo(EncryptionConfig.Mode.AES256);
        assertThat(c.buffer()).isEqualTo(new BufferConfig(100_000, 64L * 1024 * 1024, Duration.ofMinutes(1)));
        assertThat(c.s3().partitionFormat()).isEqualTo("{yyyy}/{MM}/{dd}/{HH}");
        // The keys that only existed through ${?VAR} lines now have empty defaults: not set.
        assertThat(c.s3().endpoint()).isEmpty();
        assertThat(c.input().schemaRegistryUrl()).isEmpty();
        assertThat(c.encryption().kmsKeyId()).isEmpty();
        assertThat(c.encryption().customerKey()).isEmpty();
    }

    /**
     * The same key set in reference.conf, the file and the environment, in every combination: the highest layer
     * that sets it wins (environment > file > reference), for a string, an int, a size and an enum.
     */
    static Stream<Arguments> layers() {
        // file sets?, env sets? -> topic, max-records, part-size (MiB), mode
        return Stream.of(
                Arguments.of(false, false, "enriched", 100_000, 8L, EncryptionConfig.Mode.AES256),
                Arguments.of(true, false, "from-file", 10, 16L, EncryptionConfig.Mode.NONE),
                Arguments.of(false, true, "from-env", 20, 32L, EncryptionConfig.Mode.AWS_KMS),
                Arguments.of(true, true, "from-env", 20, 32L, EncryptionConfig.Mode.AWS_KMS));
    }

    @ParameterizedTest(name = "file={0} env={1} -> {2}")
    @MethodSource("layers")
    void theHighestLayerThatSetsAKeyWins(boolean inFile, boolean inEnv, String topic, int maxRecords, long partMiB,
                                         EncryptionConfig.Mode mode) throws IOException {
        ConfigLoader loader = LoaderConfig.configLoader();
        if (inFile) {
            loader.file(write("""
                    tributary.s3-loader {
                      input.topic = from-file
                      buffer.max-records = 10
                      output.s3.part-size = 16MiB
                      output.encryption.mode = none
                    }"""));
        }
        Map<String, String> env = new HashMap<>();
        env.put("LOADER_INPUT_TOPIC", "old-name-is-ignored"); // the pre-runtime names are no longer read
        if (inEnv) {
            env.put("TRIBUTARY_S3_LOADER_INPUT_TOPIC", "from-env");
            env.put("TRIBUTARY_S3_LOADER_BUFFER_MAX_RECORDS", "20");
            env.put("TRIBUTARY_S3_LOADER_OUTPUT_S3_PART_SIZE", "32MiB");
            env.put("TRIBUTARY_S3_LOADER_OUTPUT_ENCRYPTION_MODE", "aws:kms");
            env.put("TRIBUTARY_S3_LOADER_OUTPUT_ENCRYPTION_KMS_KEY_ID", "arn:aws:kms:eu-west-1:1:key/k");
        }
        LoadedConfig loaded = loader.environment(env).load();
        LoaderConfig c = LoaderConfig.from(loaded.requireKnownKeys().typed());

        assertThat(c.input().topic()).isEqualTo(topic);
        assertThat(c.buffer().maxRecords()).isEqualTo(maxRecords);
        assertThat(c.s3().partSize()).isEqualTo(partMiB * 1024 * 1024);
        assertThat(c.encryption().mode()).isEqualTo(mode);
        assertThat(c.input().groupId()).isEqualTo("tributary-s3-loader"); // set by no layer: reference
    }

    @Test
    void theEnvironmentNamesFollowTheKeyPath() {
        Map<String, String> names = LoaderConfig.configLoader().environment(Map.of()).load().environmentNames();
        assertThat(names)
                .containsEntry("tributary.s3-loader.input.bootstrap-servers",
                        "TRIBUTARY_S3_LOADER_INPUT_BOOTSTRAP_SERVERS")
                .containsEntry("tributary.s3-loader.output.s3.bucket", "TRIBUTARY_S3_LOADER_OUTPUT_S3_BUCKET")
                .containsEntry("tributary.s3-loader.output.encryption.mode",
                        "TRIBUTARY_S3_LOADER_OUTPUT_ENCRYPTION_MODE")
                .containsEntry("tributary.s3-loader.monitoring.port", "TRIBUTARY_S3_LOADER_MONITORING_PORT");
    }

    @Test
    void aMisspeltKeyIsReportedByNameWithTheNearestKnownOne() throws IOException {
        LoadedConfig loaded = LoaderConfig.configLoader()
                .file(write("tributary.s3-loader.buffer.max-recrods = 10\n"))
                .environment(Map.of("TRIBUTARY_S3_LOADER_OUTPUT_S3_BUKET", "b"))
                .load();

        assertThat(loaded.unknownKeys()).extracting(UnknownKey::name).containsExactlyInAnyOrder(
                "tributary.s3-loader.buffer.max-recrods", "TRIBUTARY_S3_LOADER_OUTPUT_S3_BUKET");
        assertThat(loaded.unknownKeys()).extracting(u -> u.suggestion().orElse("")).containsExactlyInAnyOrder(
                "tributary.s3-loader.buffer.max-records", "TRIBUTARY_S3_LOADER_OUTPUT_S3_BUCKET");
        assertThatThrownBy(loaded::requireKnownKeys).isInstanceOf(ConfigError.class)
                .hasMessageContaining("tributary.s3-loader.buffer.max-recrods");
        // In code (local-stack) a misspelt override is an error.
        assertThatThrownBy(() -> LoaderConfig.load(LoaderConfig.configLoader().environment(Map.of())
                .overrides(Map.of("tributary.s3-loader.nmae", "x"))))
                .isInstanceOf(ConfigError.class).hasMessageContaining("tributary.s3-loader.nmae");
    }

    @Test
    void readsKmsEncryptionWithContext() throws IOException {
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
    void theGzipLevelIsASetting() throws IOException {
        assertThat(read("tributary.s3-loader.buffer.gzip-level = 1").buffer().gzipLevel()).isEqualTo(1);
    }

    @Test
    void thePrefixLosesItsSlashesAndTheEndpointIsAUrl() throws IOException {
        LoaderConfig c = read("""
                tributary.s3-loader {
                  purpose = BAD_ROWS
                  input.topic = bad
                  output.s3 { prefix = "/bad/", partition-format = "{vendor}.{name}/{format}-{model}",
                              endpoint = "http://127.0.0.1:9000" }
                }""");
        assertThat(c.purpose()).isEqualTo(Purpose.BAD_ROWS);
        assertThat(c.s3().prefix()).isEqualTo("bad");
        assertThat(c.s3().endpoint()).map(Object::toString).isEqualTo(Optional.of("http://127.0.0.1:9000"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "tributary.s3-loader.output.encryption.mode = \"aws:kms\"|tributary.s3-loader.output.encryption.kms-key-id",
            "tributary.s3-loader.output.encryption.kms-key-id = k|tributary.s3-loader.output.encryption.kms-key-id",
            "tributary.s3-loader.output.encryption.mode = \"rot13\"|tributary.s3-loader.output.encryption.mode",
            "tributary.s3-loader.output.encryption.mode = \"SSE-C\"|tributary.s3-loader.output.encryption.customer-key",
            "tributary.s3-loader.purpose = \"LOGS\"|tributary.s3-loader.purpose",
            "tributary.s3-loader.name = \"\"|tributary.s3-loader.name",
            "tributary.s3-loader.buffer.max-records = 0|tributary.s3-loader.buffer.max-records",
            "tributary.s3-loader.buffer.max-delay = \"soon\"|tributary.s3-loader.buffer.max-delay",
            "tributary.s3-loader.buffer.gzip-level = 10|tributary.s3-loader.buffer.gzip-level",
            "tributary.s3-loader.buffer.gzip-level = 0|tributary.s3-loader.buffer.gzip-level",
            "tributary.s3-loader.retry.max-backoff = 1ms|tributary.s3-loader.retry.max-backoff",
            "tributary.s3-loader.output.s3.part-size = 1MiB|tributary.s3-loader.output.s3.part-size",
            "tributary.s3-loader.output.s3.part-size = 3GiB|tributary.s3-loader.output.s3.part-size",
            "tributary.s3-loader.output.s3.bucket = \"Not_A_Bucket\"|tributary.s3-loader.output.s3.bucket",
            "tributary.s3-loader.output.s3.endpoint = \"minio:9000\"|tributary.s3-loader.output.s3.endpoint",
            "tributary.s3-loader.output.s3.partition-format = \"{vendor}\"|tributary.s3-loader.output.s3.partition-format",
            "tributary.s3-loader.input.format = AVRO|tributary.s3-loader.input.schema-registry-url",
            "tributary.s3-loader.input.consumer { x { y = 1 } }|tributary.s3-loader.input.consumer",
    })
    void errorsNameTheKey(String hocon, String key) {
        assertThatThrownBy(() -> read(hocon)).isInstanceOf(ConfigError.class)
                .satisfies(e -> assertThat(((ConfigError) e).key()).startsWith(key));
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> LoaderConfig.configLoader().file(dir.resolve("absent.conf")).load())
                .isInstanceOf(ConfigError.class).hasMessageContaining("absent.conf");
    }

    @Test
    void theCustomerKeyIsNeverEchoedInErrors() {
        assertThatThrownBy(() -> read("""
                tributary.s3-loader.output.encryption { mode = "SSE-C", customer-key = "c2VjcmV0LXRvby1zaG9ydA==" }"""))
                .isInstanceOf(ConfigError.class)
                .hasMessageContaining("tributary.s3-loader.output.encryption.customer-key")
                .hasMessageNotContaining("c2VjcmV0LXRvby1zaG9ydA==");
    }
}
