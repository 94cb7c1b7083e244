package dev.tributary.localstack;

import dev.tributary.infra.s3.EmbeddedS3;
import dev.tributary.loader.config.BufferConfig;
import dev.tributary.loader.config.EncryptionConfig;
import dev.tributary.loader.config.InputFormat;
import dev.tributary.loader.config.LoaderConfig;
import dev.tributary.loader.config.Purpose;
import dev.tributary.loader.config.RetryConfig;
import dev.tributary.loader.config.S3Output;
import dev.tributary.loader.config.TimeSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The three s3-loaders of the local stack: enriched events, bad rows and raw collector payloads, each from its topic
 * into its own prefix of the stack's bucket. Buffers flush after 10 seconds so files show up while you watch.
 */
final class LocalLoaders {

    static final int PARTITIONS = 3;

    private LocalLoaders() {
    }

    static List<LoaderConfig> configs(StackSettings settings, String bootstrapServers, EmbeddedS3 s3) {
        return List.of(
                config("s3-loader-enriched", Purpose.ENRICHED_EVENTS, "enriched", "enriched",
                        "{yyyy}/{MM}/{dd}/{HH}", EncryptionConfig.sseS3(), settings, bootstrapServers, s3),
                config("s3-loader-bad", Purpose.BAD_ROWS, "bad", "bad",
                        "{vendor}.{name}/{format}-{model}/{yyyy}/{MM}/{dd}/{HH}", EncryptionConfig.sseS3(), settings,
                        bootstrapServers, s3),
                // The master dataset gets the stack's KMS key, as a production bucket would.
                config("s3-loader-raw", Purpose.RAW, "raw", "raw", "{yyyy}/{MM}/{dd}/{HH}",
                        EncryptionConfig.kms(settings.kmsKeyArn()), settings, bootstrapServers, s3));
    }

    private static LoaderConfig config(String name, Purpose purpose, String topic, String prefix, String format,
                                       EncryptionConfig encryption, StackSettings settings, String bootstrapServers,
                                       EmbeddedS3 s3) {
        return new LoaderConfig(name, purpose,
                new LoaderConfig.Input(bootstrapServers, topic, "tributary-" + name, InputFormat.TSV, Optional.empty(),
                        Map.of()),
                new S3Output(settings.bucket(), prefix, format, s3.region(), Optional.of(s3.endpoint()), true,
                        16L * 1024 * 1024, 8L * 1024 * 1024,
                        purpose == Purpose.ENRICHED_EVENTS ? TimeSource.COLLECTOR : TimeSource.KAFKA),
                encryption,
                new BufferConfig(10_000, 16L * 1024 * 1024, Duration.ofSeconds(10)),
                new RetryConfig(Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofSeconds(30)),
                // No monitoring server of their own: the stack's health endpoint reports them.
                "bad", Map.of(), -1, settings.bindAddress().toString());
    }
}
