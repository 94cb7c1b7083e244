package dev.tributary.loader.config;

import dev.tributary.loader.key.PartitionFormat;
import dev.tributary.runtime.config.ConfigLoader;
import dev.tributary.runtime.config.Secrets;
import dev.tributary.runtime.config.TypedConfig;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated, immutable configuration of one loader, built by {@link #from(TypedConfig)} from the keys below
 * {@value #ROOT} (reference.conf, the {@code --config} file, {@code TRIBUTARY_S3_LOADER_*} variables, overrides).
 * The monitoring server is the runtime's ({@code monitoring { enabled, host, port }}), not part of this record.
 * {@link #toString()} masks credentials (SSE-C key, passwords in client properties), so the config can be logged.
 */
public record LoaderConfig(
        String name,
        Purpose purpose,
        Input input,
        S3Output s3,
        EncryptionConfig encryption,
        BufferConfig buffer,
        RetryConfig retry,
        String badTopic,
        Map<String, String> producerProperties) {

    /** The service's name: environment variables are {@code TRIBUTARY_S3_LOADER_*}. */
    public static final String SERVICE = "s3-loader";
    /** The config root. */
    public static final String ROOT = "tributary.s3-loader";

    /** Key segments that are secret besides the runtime's defaults: the SSE-C key. */
    public static final List<String> SECRET_MARKERS = List.of("customer-key");

    private static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    private static final long MAX_PART_SIZE = Integer.MAX_VALUE; // 2 GiB - 1: parts are buffered in a byte[]

    public LoaderConfig {
        producerProperties = Map.copyOf(producerProperties);
    }

    /** The consumed topic and group; {@code consumerProperties} are passed to the KafkaConsumer last. */
    public record Input(
            String bootstrapServers,
            String topic,
            String groupId,
            InputFormat format,
            Optional<String> schemaRegistryUrl,
            Map<String, String> consumerProperties) {

        public Input {
            consumerProperties = Map.copyOf(consumerProperties);
        }

        @Override
        public String toString() {
            return "Input[bootstrapServers=" + bootstrapServers + ", topic=" + topic + ", groupId=" + groupId
                    + ", format=" + format + ", schemaRegistryUrl=" + schemaRegistryUrl.orElse("") + ", consumer="
                    + Secrets.defaults().masked(consumerProperties) + "]";
        }
    }

    /**
     * A loader of this service's config (reference.conf < file < {@code TRIBUTARY_S3_LOADER_*} < overrides) with
     * the SSE-C key masked; embedders (local-stack, tests) add {@code environment(...)} and {@code overrides(...)}.
     */
    public static ConfigLoader configLoader() {
        return ConfigLoader.forService(SERVICE, ROOT).secrets(Secrets.withExtra(SECRET_MARKERS));
    }

    /** {@link #from} of {@code loader}'s result, unknown keys refused (a misspelt override is an error). */
    public static LoaderConfig load(ConfigLoader loader) {
        return from(loader.load().requireKnownKeys().typed());
    }

    /** Validating reads below {@value #ROOT}; every error is a {@code ConfigError} naming the key. */
    public static LoaderConfig from(TypedConfig root) {
        Purpose purpose = root.enumValue("purpose", Purpose.class);
        TypedConfig in = root.at("input");
        InputFormat format = in.enumValue("format", InputFormat.class);
        Optional<String> registry = in.optionalString("schema-registry-url");
        if (registry.isPresent()) {
            in.httpUrl("schema-registry-url");
        }
        Input input = new Input(in.nonBlank("bootstrap-servers"), in.nonBlank("topic"), in.nonBlank("group-id"),
                format, registry, in.stringMap("consumer"));
        if (format == InputFormat.AVRO && registry.isEmpty()) {
            throw in.invalid("schema-registry-url", "a schema registry URL when input.format = AVRO");
        }
        if (format == InputFormat.AVRO && purpose != Purpose.ENRICHED_EVENTS) {
            throw in.invalid("format", "TSV unless purpose = ENRICHED_EVENTS");
        }
        S3Output s3 = readS3(root.at("output.s3"), purpose);
        EncryptionConfig encryption = readEncryption(root.at("output.encryption"));
        TypedConfig b = root.at("buffer");
        BufferConfig buffer = new BufferConfig(
                b.intBetween("max-records", 1, Integer.MAX_VALUE),
                b.bytesBetween("max-bytes", 1, Long.MAX_VALUE),
                b.positiveDuration("max-delay"),
                b.intBetween("gzip-level", 1, 9));
        TypedConfig r = root.at("retry");
        RetryConfig retry = new RetryConfig(r.positiveDuration("initial-backoff"), r.positiveDuration("max-backoff"),
                r.positiveDuration("attempt-timeout"));
        if (retry.maxBackoff().compareTo(retry.initialBackoff()) < 0) {
            throw r.invalid("max-backoff", "at least retry.initial-backoff (" + retry.initialBackoff() + ")");
        }
        return new LoaderConfig(root.nonBlank("name"), purpose, input, s3, encryption, buffer, retry,
                root.at("output.bad").nonBlank("topic"), root.at("output.bad").stringMap("producer"));
    }

    private static S3Output readS3(TypedConfig c, Purpose purpose) {
        String bucket = c.nonBlank("bucket");
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw c.invalid("bucket", "an S3 bucket name");
        }
        String prefix = c.string("prefix").replaceAll("^/+|/+$", "");
        String format = c.string("partition-format");
        try {
            PartitionFormat.parse(format, purpose);
        } catch (IllegalArgumentException e) {
            throw c.invalid("partition-format", e.getMessage());
        }
        Optional<URI> endpoint = c.optionalString("endpoint").map(s -> c.httpUrl("endpoint"));
        return new S3Output(bucket, prefix, format, c.nonBlank("region"), endpoint, c.bool("path-style"),
                c.bytesBetween("multipart-threshold", 1, Long.MAX_VALUE),
                c.bytesBetween("part-size", MIN_PART_SIZE, MAX_PART_SIZE),
                c.enumValue("time-source", TimeSource.class));
    }

    private static EncryptionConfig readEncryption(TypedConfig c) {
        String modeText = c.string("mode");
        EncryptionConfig.Mode mode = EncryptionConfig.Mode.parse(modeText).orElseThrow(() ->
                c.invalid("mode", "one of none, AES256, aws:kms, SSE-C"));
        Optional<String> kmsKey = c.optionalString("kms-key-id");
        Optional<String> customerKey = c.optionalString("customer-key");
        if (mode == EncryptionConfig.Mode.AWS_KMS && kmsKey.isEmpty()) {
            throw c.invalid("kms-key-id", "a KMS key id or ARN when output.encryption.mode = aws:kms");
        }
        if (mode != EncryptionConfig.Mode.AWS_KMS && kmsKey.isPresent()) {
            throw c.invalid("kms-key-id", "no value unless output.encryption.mode = aws:kms (mode is " + modeText
                    + ")");
        }
        if (mode == EncryptionConfig.Mode.SSE_C) {
            byte[] keyBytes;
            try {
                keyBytes = Base64.getDecoder().decode(customerKey.orElse(""));
            } catch (IllegalArgumentException e) {
                keyBytes = new byte[0];
            }
            if (keyBytes.length != 32) {
                // customer-key is a secret (secretMarkers): the error shows ****** instead of the value.
                throw c.invalid("customer-key", "base64 of a 32-byte key when output.encryption.mode = SSE-C");
            }
        }
        return new EncryptionConfig(mode, kmsKey, c.stringMap("kms-context"), c.bool("bucket-key-enabled"),
                customerKey);
    }

    @Override
    public String toString() {
        return "LoaderConfig[name=" + name + ", purpose=" + purpose + ", input=" + input + ", s3=" + s3
                + ", encryption=" + encryption + ", buffer=" + buffer + ", retry=" + retry + ", badTopic=" + badTopic
                + ", producer=" + Secrets.defaults().masked(producerProperties) + "]";
    }
}
