package dev.tributary.loader.testing;

import dev.tributary.loader.config.BufferConfig;
import dev.tributary.loader.config.EncryptionConfig;
import dev.tributary.loader.config.InputFormat;
import dev.tributary.loader.config.LoaderConfig;
import dev.tributary.loader.config.Purpose;
import dev.tributary.loader.config.RetryConfig;
import dev.tributary.loader.config.S3Output;
import dev.tributary.loader.config.TimeSource;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Loader configs for tests: small buffers, fast retries. */
public final class TestConfigs {

    private TestConfigs() {
    }

    public static LoaderConfig loader(Purpose purpose, String topic, String prefix, String partitionFormat) {
        SharedInfra infra = SharedInfra.get();
        return new LoaderConfig(
                "loader-" + prefix.replace('/', '-'),
                purpose,
                new LoaderConfig.Input(infra.kafka.bootstrapServers(), topic, "group-" + prefix.replace('/', '-'),
                        InputFormat.TSV, Optional.empty(), Map.of()),
                new S3Output(SharedInfra.BUCKET, prefix, partitionFormat, "us-east-1",
                        Optional.of(infra.s3.endpoint()), true, 16L * 1024 * 1024, 5L * 1024 * 1024,
                        TimeSource.COLLECTOR),
                EncryptionConfig.sseS3(),
                new BufferConfig(50, 1024 * 1024, Duration.ofMillis(300)),
                new RetryConfig(Duration.ofMillis(10), Duration.ofMillis(200), Duration.ofSeconds(20)),
                "bad-" + prefix.replace('/', '-'),
                Map.of());
    }

    public static LoaderConfig withBuffer(LoaderConfig c, BufferConfig buffer) {
        return rebuild(c, buffer, c.encryption(), c.s3());
    }

    public static LoaderConfig withEncryption(LoaderConfig c, EncryptionConfig encryption) {
        return rebuild(c, c.buffer(), encryption, c.s3());
    }

    public static LoaderConfig withS3(LoaderConfig c, S3Output s3) {
        return rebuild(c, c.buffer(), c.encryption(), s3);
    }

    private static LoaderConfig rebuild(LoaderConfig c, BufferConfig buffer, EncryptionConfig encryption,
                                        S3Output s3) {
        return new LoaderConfig(c.name(), c.purpose(), c.input(), s3, encryption, buffer, c.retry(), c.badTopic(),
                c.producerProperties());
    }
}
