package dev.tributary.localstack;

import dev.tributary.infra.s3.EmbeddedS3;
import dev.tributary.loader.config.LoaderConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
                config("s3-loader-enriched", "ENRICHED_EVENTS", "enriched", "enriched", "{yyyy}/{MM}/{dd}/{HH}",
                        Map.of(), settings, bootstrapServers, s3),
                config("s3-loader-bad", "BAD_ROWS", "bad", "bad",
                        "{vendor}.{name}/{format}-{model}/{yyyy}/{MM}/{dd}/{HH}", Map.of(), settings,
                        bootstrapServers, s3),
                // The master dataset gets the stack's KMS key, as a production bucket would.
                config("s3-loader-raw", "RAW", "raw", "raw", "{yyyy}/{MM}/{dd}/{HH}",
                        Map.of("output.encryption.mode", "aws:kms",
                                "output.encryption.kms-key-id", settings.kmsKeyArn()),
                        settings, bootstrapServers, s3));
    }

    /**
     * Through the s3-loader's own config path (reference.conf, then these overrides, validated by
     * {@code LoaderConfig.from}, misspelt keys refused). The shell's {@code TRIBUTARY_S3_LOADER_*} variables are not
     * read: one variable would otherwise reach all three loaders of this JVM.
     */
    private static LoaderConfig config(String name, String purpose, String topic, String prefix, String format,
                                       Map<String, Object> encryption, StackSettings settings,
                                       String bootstrapServers, EmbeddedS3 s3) {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("name", name);
        keys.put("purpose", purpose);
        keys.put("input.bootstrap-servers", bootstrapServers);
        keys.put("input.topic", topic);
        keys.put("input.group-id", "tributary-" + name);
        keys.put("output.s3.bucket", settings.bucket());
        keys.put("output.s3.prefix", prefix);
        keys.put("output.s3.partition-format", format);
        keys.put("output.s3.region", s3.region());
        keys.put("output.s3.endpoint", s3.endpoint().toString());
        keys.put("output.s3.path-style", true);
        keys.put("output.s3.time-source", purpose.equals("ENRICHED_EVENTS") ? "COLLECTOR" : "KAFKA");
        keys.putAll(encryption);
        keys.put("output.bad.topic", "bad");
        keys.put("buffer.max-records", 10_000);
        keys.put("buffer.max-bytes", "16MiB");
        keys.put("buffer.max-delay", "10s");
        keys.put("retry.initial-backoff", "100ms");
        keys.put("retry.max-backoff", "10s");
        keys.put("retry.attempt-timeout", "30s");
        // No monitoring server of their own: the stack's health endpoint reports them.
        Map<String, Object> overrides = new LinkedHashMap<>();
        keys.forEach((k, v) -> overrides.put(LoaderConfig.ROOT + "." + k, v));
        return LoaderConfig.load(LoaderConfig.configLoader().environment(Map.of()).overrides(overrides));
    }
}
