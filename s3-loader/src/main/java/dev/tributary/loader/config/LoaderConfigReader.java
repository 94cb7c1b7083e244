package dev.tributary.loader.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import dev.tributary.loader.key.PartitionFormat;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Reads {@code tributary.s3-loader} from HOCON (file over reference.conf, env overrides) into a {@link LoaderConfig}. */
public final class LoaderConfigReader {

    public static final String ROOT = "tributary.s3-loader";
    private static final long MIN_PART_SIZE = 5L * 1024 * 1024;

    private LoaderConfigReader() {
    }

    /** The file (if given) over reference.conf, with system properties on top, resolved. */
    public static LoaderConfig load(Optional<Path> file) {
        Config base = ConfigFactory.defaultReference();
        Config config = file.map(f -> {
            if (!Files.isRegularFile(f)) {
                throw new LoaderConfigException("config file", "a readable HOCON file", f);
            }
            return ConfigFactory.parseFile(f.toFile());
        }).orElse(ConfigFactory.empty());
        return read(ConfigFactory.defaultOverrides().withFallback(config).withFallback(base).resolve());
    }

    /** Validates a resolved config holding {@code tributary.s3-loader}. */
    public static LoaderConfig read(Config root) {
        try {
            Config c = root.getConfig(ROOT);
            Purpose purpose = enumValue(c, "purpose", Purpose.class);
            LoaderConfig.Input input = new LoaderConfig.Input(
                    nonBlank(c, "input.bootstrap-servers"),
                    nonBlank(c, "input.topic"),
                    nonBlank(c, "input.group-id"),
                    enumValue(c, "input.format", InputFormat.class),
                    optionalString(c, "input.schema-registry-url"),
                    stringMap(c, "input.consumer"));
            if (input.format() == InputFormat.AVRO && input.schemaRegistryUrl().isEmpty()) {
                throw new LoaderConfigException(key("input.schema-registry-url"),
                        "a schema registry URL when input.format = AVRO", null);
            }
            if (input.format() == InputFormat.AVRO && purpose != Purpose.ENRICHED_EVENTS) {
                throw new LoaderConfigException(key("input.format"), "TSV unless purpose = ENRICHED_EVENTS", "AVRO");
            }
            S3Output s3 = readS3(c, purpose);
            EncryptionConfig encryption = readEncryption(c);
            BufferConfig buffer = new BufferConfig(
                    positiveInt(c, "buffer.max-records"),
                    positiveBytes(c, "buffer.max-bytes"),
                    positiveDuration(c, "buffer.max-delay"),
                    gzipLevel(c, "buffer.gzip-level"));
            RetryConfig retry = new RetryConfig(
                    positiveDuration(c, "retry.initial-backoff"),
                    positiveDuration(c, "retry.max-backoff"),
                    positiveDuration(c, "retry.attempt-timeout"));
            if (retry.maxBackoff().compareTo(retry.initialBackoff()) < 0) {
                throw new LoaderConfigException(key("retry.max-backoff"), "at least retry.initial-backoff ("
                        + retry.initialBackoff() + ")", retry.maxBackoff());
            }
            int port = c.getInt("monitoring.port");
            if (port < -1 || port > 65535) {
                throw new LoaderConfigException(key("monitoring.port"), "a TCP port, 0 for any, -1 for off", port);
            }
            String host = nonBlank(c, "monitoring.host");
            if (!host.matches("[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:.]*")) {
                throw new LoaderConfigException(key("monitoring.host"),
                        "an IP address to listen on (0.0.0.0 every interface, 127.0.0.1 this machine only)", host);
            }
            return new LoaderConfig(nonBlank(c, "name"), purpose, input, s3, encryption, buffer, retry,
                    nonBlank(c, "output.bad.topic"), stringMap(c, "output.bad.producer"), port, host);
        } catch (ConfigException e) {
            throw new LoaderConfigException("invalid configuration under " + ROOT + ": " + e.getMessage(), e);
        }
    }

    private static S3Output readS3(Config c, Purpose purpose) {
        String bucket = nonBlank(c, "output.s3.bucket");
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new LoaderConfigException(key("output.s3.bucket"), "an S3 bucket name", bucket);
        }
        String prefix = c.getString("output.s3.prefix").replaceAll("^/+|/+$", "");
        String format = c.getString("output.s3.partition-format");
        try {
            PartitionFormat.parse(format, purpose);
        } catch (IllegalArgumentException e) {
            throw new LoaderConfigException(key("output.s3.partition-format"), e.getMessage(), format);
        }
        Optional<URI> endpoint = optionalString(c, "output.s3.endpoint").map(s -> {
            try {
                URI uri = URI.create(s);
                if (uri.getScheme() == null || uri.getHost() == null) {
                    throw new IllegalArgumentException();
                }
                return uri;
            } catch (IllegalArgumentException e) {
                throw new LoaderConfigException(key("output.s3.endpoint"), "an http(s) URL", s);
            }
        });
        long threshold = positiveBytes(c, "output.s3.multipart-threshold");
        long partSize = positiveBytes(c, "output.s3.part-size");
        if (partSize < MIN_PART_SIZE || partSize > Integer.MAX_VALUE) {
            throw new LoaderConfigException(key("output.s3.part-size"), "between 5MiB and 2GiB (S3's part limits)",
                    partSize);
        }
        return new S3Output(bucket, prefix, format, nonBlank(c, "output.s3.region"), endpoint,
                c.getBoolean("output.s3.path-style"), threshold, partSize,
                enumValue(c, "output.s3.time-source", TimeSource.class));
    }

    private static EncryptionConfig readEncryption(Config c) {
        String modeText = c.getString("output.encryption.mode");
        EncryptionConfig.Mode mode = EncryptionConfig.Mode.parse(modeText).orElseThrow(() ->
                new LoaderConfigException(key("output.encryption.mode"), "one of none, AES256, aws:kms, SSE-C",
                        modeText));
        Optional<String> kmsKey = optionalString(c, "output.encryption.kms-key-id");
        Optional<String> customerKey = optionalString(c, "output.encryption.customer-key");
        if (mode == EncryptionConfig.Mode.AWS_KMS && kmsKey.isEmpty()) {
            throw new LoaderConfigException(key("output.encryption.kms-key-id"),
                    "a KMS key id or ARN when output.encryption.mode = aws:kms", null);
        }
        if (mode != EncryptionConfig.Mode.AWS_KMS && kmsKey.isPresent()) {
            throw new LoaderConfigException(key("output.encryption.kms-key-id"),
                    "no value unless output.encryption.mode = aws:kms (mode is " + modeText + ")", kmsKey.get());
        }
        if (mode == EncryptionConfig.Mode.SSE_C) {
            byte[] keyBytes;
            try {
                keyBytes = Base64.getDecoder().decode(customerKey.orElse(""));
            } catch (IllegalArgumentException e) {
                keyBytes = new byte[0];
            }
            if (keyBytes.length != 32) {
                // The key itself is never echoed.
                throw new LoaderConfigException(key("output.encryption.customer-key"),
                        "base64 of a 32-byte key when output.encryption.mode = SSE-C", null);
            }
        }
        return new EncryptionConfig(mode, kmsKey, stringMap(c, "output.encryption.kms-context"),
                c.getBoolean("output.encryption.bucket-key-enabled"), customerKey);
    }

    private static String key(String path) {
        return ROOT + "." + path;
    }

    private static String nonBlank(Config c, String path) {
        if (!c.hasPath(path) || c.getString(path).isBlank()) {
            throw new LoaderConfigException(key(path), "a non-empty string", null);
        }
        return c.getString(path).trim();
    }

    private static Optional<String> optionalString(Config c, String path) {
        return c.hasPath(path) && !c.getString(path).isBlank() ? Optional.of(c.getString(path).trim())
                : Optional.empty();
    }

    private static <E extends Enum<E>> E enumValue(Config c, String path, Class<E> type) {
        String text = nonBlank(c, path);
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new LoaderConfigException(key(path), "one of " + java.util.Arrays.toString(type.getEnumConstants()),
                    text);
        }
    }

    private static int gzipLevel(Config c, String path) {
        int level = positiveInt(c, path);
        if (level > 9) {
            throw new LoaderConfigException(key(path), "a gzip level from 1 (fastest) to 9 (smallest)", level);
        }
        return level;
    }

    private static int positiveInt(Config c, String path) {
        return positive(c, path, c::getInt, "a positive integer");
    }

    private static long positiveBytes(Config c, String path) {
        return positive(c, path, p -> c.getBytes(p), "a positive size such as 64MiB");
    }

    private static Duration positiveDuration(Config c, String path) {
        Duration d;
        try {
            d = c.getDuration(path);
        } catch (ConfigException.WrongType | ConfigException.BadValue e) {
            throw new LoaderConfigException(key(path), "a positive duration such as 30s", c.getValue(path).unwrapped());
        }
        if (d.isNegative() || d.isZero()) {
            throw new LoaderConfigException(key(path), "a positive duration such as 30s", c.getString(path));
        }
        return d;
    }

    private static <N extends Number> N positive(Config c, String path, Function<String, N> getter, String expected) {
        N value;
        try {
            value = getter.apply(path);
        } catch (ConfigException.WrongType | ConfigException.BadValue e) {
            throw new LoaderConfigException(key(path), expected, c.getValue(path).unwrapped());
        }
        if (value.longValue() <= 0) {
            throw new LoaderConfigException(key(path), expected, value);
        }
        return value;
    }

    private static Map<String, String> stringMap(Config c, String path) {
        Map<String, String> map = new LinkedHashMap<>();
        if (c.hasPath(path)) {
            for (Map.Entry<String, ConfigValue> e : c.getConfig(path).entrySet()) {
                map.put(e.getKey().replace("\"", ""), String.valueOf(e.getValue().unwrapped()));
            }
        }
        return map;
    }
}
