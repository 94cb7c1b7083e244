package dev.tributary.enrich.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import dev.tributary.enrich.output.OutputLimit;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * stream-enrich's configuration, validated at start-up: HOCON from {@code reference.conf}, overridden by an
 * optional file, overridden by environment variables ({@code ${?ENRICH_...}} in reference.conf). Keys are under
 * {@code enrich}; the module README lists them all.
 */
public record EnrichConfig(String applicationId, String bootstrapServers, URI schemaRegistryUrl, Topics topics,
                           PartitionKey partitionKey, Optional<Path> resolver, Optional<Path> enrichments,
                           Streams streams, Http http, Limits limits, RegistryRetry registryRetry) {

    public static final String ROOT = "enrich";
    /** Kafka's default producer {@code max.request.size}. */
    public static final int DEFAULT_MAX_REQUEST_SIZE = OutputLimit.KAFKA_DEFAULT_MAX_REQUEST_SIZE;

    /**
     * How large and how deep things may be.
     *
     * @param maxRequestSize the producer's {@code max.request.size} ({@code enrich.streams.max-request-size})
     * @param maxRecordBytes largest serialised key + value of an output record; larger outputs become size_violation
     *                       bad rows ({@code enrich.output.max-record-bytes}, default max-request-size - 1024)
     * @param maxJsonDepth   deepest JSON accepted from trackers ({@code enrich.validation.max-json-depth})
     */
    public record Limits(int maxRequestSize, int maxRecordBytes, int maxJsonDepth) {
        public OutputLimit outputLimit() {
            return new OutputLimit(maxRecordBytes);
        }
    }

    /** Exponential backoff while the schema registry is unreachable. */
    public record RegistryRetry(Duration initialBackoff, Duration maxBackoff) {
    }

    public record Topics(String raw, String enriched, String bad, Optional<String> pii,
                         Optional<String> enrichedAvro) {
        public Topics {
            Objects.requireNonNull(raw, "raw");
            Objects.requireNonNull(enriched, "enriched");
            Objects.requireNonNull(bad, "bad");
            Objects.requireNonNull(pii, "pii");
            Objects.requireNonNull(enrichedAvro, "enrichedAvro");
        }
    }

    /** Kafka Streams settings; {@code properties} are passed through verbatim and win over the defaults. */
    public record Streams(int threads, Duration commitInterval, Optional<Path> stateDir,
                          Map<String, String> properties) {
        public Streams {
            properties = Map.copyOf(properties);
        }
    }

    public record Http(boolean enabled, String host, int port) {
    }

    /** Which enriched field keys the output records. */
    public enum PartitionKey {
        EVENT_ID("event_id"), EVENT_FINGERPRINT("event_fingerprint"), DOMAIN_USERID("domain_userid"),
        NETWORK_USERID("network_userid"), USER_IPADDRESS("user_ipaddress"), DOMAIN_SESSIONID("domain_sessionid"),
        USER_FINGERPRINT("user_fingerprint"), RANDOM("random");

        private final String configName;

        PartitionKey(String configName) {
            this.configName = configName;
        }

        public String configName() {
            return configName;
        }

        /** The enriched field, or empty for {@code random}. */
        public Optional<String> field() {
            return this == RANDOM ? Optional.empty() : Optional.of(configName);
        }

        static PartitionKey parse(String key, String value) {
            for (PartitionKey k : values()) {
                if (k.configName.equals(value)) {
                    return k;
                }
            }
            throw new EnrichConfigException(key, "expected one of " + names() + ", got '" + value + "'");
        }

        static String names() {
            StringBuilder sb = new StringBuilder();
            for (PartitionKey k : values()) {
                sb.append(sb.isEmpty() ? "" : ", ").append(k.configName);
            }
            return sb.toString();
        }
    }

    /** reference.conf with environment overrides only. */
    public static EnrichConfig load() {
        return from(ConfigFactory.load(EnrichConfig.class.getClassLoader()));
    }

    /** {@code file} over reference.conf; environment variables still win where reference.conf names one. */
    public static EnrichConfig load(Path file) {
        if (!Files.isReadable(file)) {
            throw new EnrichConfigException("--config", "cannot read configuration file " + file);
        }
        Config user;
        try {
            user = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
        } catch (ConfigException e) {
            throw new EnrichConfigException("--config", "cannot parse " + file + ": " + e.getMessage(), e);
        }
        return from(user);
    }

    /**
     * Builds the config from {@code overrides} layered over reference.conf, the environment overrides applying
     * last through reference.conf's {@code ${?VAR}} substitutions.
     */
    public static EnrichConfig from(Config overrides) {
        Config reference = ConfigFactory.parseResources(EnrichConfig.class.getClassLoader(), "reference.conf");
        Config merged;
        try {
            merged = overrides.withFallback(reference).resolve();
        } catch (ConfigException e) {
            throw new EnrichConfigException(ROOT, e.getMessage(), e);
        }
        return new Reader(merged).read();
    }

    private static final class Reader {
        private final Config config;

        Reader(Config config) {
            this.config = config;
        }

        EnrichConfig read() {
            String applicationId = nonEmpty("application-id");
            String bootstrap = nonEmpty("bootstrap-servers");
            URI registry = uri("schema-registry-url");
            Topics topics = new Topics(nonEmpty("input.topic"), nonEmpty("output.enriched-topic"),
                    nonEmpty("output.bad-topic"), optional("output.pii-topic"),
                    optional("output.enriched-avro-topic"));
            PartitionKey partitionKey = PartitionKey.parse(key("output.partition-key"),
                    string("output.partition-key"));
            Optional<Path> resolver = optional("resolver").map(Path::of);
            resolver.ifPresent(p -> {
                if (!Files.isReadable(p)) {
                    throw new EnrichConfigException(key("resolver"),
                            "expected a readable Iglu resolver JSON file, got '" + p + "'");
                }
            });
            Optional<Path> enrichments = optional("enrichments").map(Path::of);
            enrichments.ifPresent(p -> {
                if (!Files.isDirectory(p)) {
                    throw new EnrichConfigException(key("enrichments"),
                            "expected a directory of enrichment JSON files, got '" + p + "'");
                }
            });
            int threads = integer("streams.threads");
            if (threads < 1) {
                throw new EnrichConfigException(key("streams.threads"), "expected at least 1, got " + threads);
            }
            Duration commit = duration("streams.commit-interval");
            Map<String, String> properties = new LinkedHashMap<>();
            Config props = sub("streams.properties");
            for (Map.Entry<String, ConfigValue> e : props.entrySet()) {
                properties.put(unquote(e.getKey()), String.valueOf(e.getValue().unwrapped()));
            }
            Streams streams = new Streams(threads, commit, optional("streams.state-dir").map(Path::of), properties);
            int port = integer("http.port");
            if (port < 0 || port > 65535) {
                throw new EnrichConfigException(key("http.port"), "expected a port 0-65535, got " + port);
            }
            Http http = new Http(bool("http.enabled"), nonEmpty("http.host"), port);
            return new EnrichConfig(applicationId, bootstrap, registry, topics, partitionKey, resolver,
                    enrichments, streams, http, limits(properties), registryRetry());
        }

        private Limits limits(Map<String, String> properties) {
            for (String property : List.of("max.request.size", "producer.max.request.size")) {
                if (properties.containsKey(property)) {
                    throw new EnrichConfigException(key("streams.properties") + ".\"" + property + "\"",
                            "set the producer's max.request.size with " + key("streams.max-request-size")
                                    + " instead: the output record limit is derived from it");
                }
            }
            int maxRequestSize = integer("streams.max-request-size");
            int smallest = OutputLimit.MIN_RECORD_BYTES + OutputLimit.RECORD_OVERHEAD_BYTES;
            if (maxRequestSize < smallest) {
                throw new EnrichConfigException(key("streams.max-request-size"), "expected at least " + smallest
                        + " bytes, got " + maxRequestSize);
            }
            int largest = maxRequestSize - OutputLimit.RECORD_OVERHEAD_BYTES;
            int maxRecordBytes;
            String configured = config.getValue(key("output.max-record-bytes")).unwrapped().toString().trim();
            if (configured.equals("auto")) {
                maxRecordBytes = largest;
            } else {
                try {
                    maxRecordBytes = Integer.parseInt(configured);
                } catch (NumberFormatException e) {
                    throw new EnrichConfigException(key("output.max-record-bytes"),
                            "expected auto or a number of bytes, got '" + configured + "'");
                }
                if (maxRecordBytes < OutputLimit.MIN_RECORD_BYTES || maxRecordBytes > largest) {
                    throw new EnrichConfigException(key("output.max-record-bytes"), "expected auto or "
                            + OutputLimit.MIN_RECORD_BYTES + ".." + largest + " bytes (" + key("streams.max-request-size")
                            + " " + maxRequestSize + " minus " + OutputLimit.RECORD_OVERHEAD_BYTES
                            + " bytes of record overhead), got " + maxRecordBytes);
                }
            }
            int depth = integer("validation.max-json-depth");
            if (depth < 1 || depth > 1000) {
                throw new EnrichConfigException(key("validation.max-json-depth"), "expected 1..1000, got " + depth);
            }
            return new Limits(maxRequestSize, maxRecordBytes, depth);
        }

        private RegistryRetry registryRetry() {
            Duration initial = duration("schema-registry-retry.initial-backoff");
            Duration max = duration("schema-registry-retry.max-backoff");
            if (initial.toMillis() < 1) {
                throw new EnrichConfigException(key("schema-registry-retry.initial-backoff"),
                        "expected at least 1 ms, got " + initial);
            }
            if (max.compareTo(initial) < 0 || max.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new EnrichConfigException(key("schema-registry-retry.max-backoff"), "expected between "
                        + key("schema-registry-retry.initial-backoff") + " (" + initial + ") and 1 minute, got " + max);
            }
            return new RegistryRetry(initial, max);
        }

        private static String unquote(String key) {
            return key.startsWith("\"") && key.endsWith("\"") ? key.substring(1, key.length() - 1) : key;
        }

        private String key(String path) {
            return ROOT + "." + path;
        }

        private String string(String path) {
            try {
                return config.getString(key(path));
            } catch (ConfigException.Missing e) {
                throw new EnrichConfigException(key(path), "is required");
            } catch (ConfigException.WrongType e) {
                throw new EnrichConfigException(key(path), "expected a string");
            }
        }

        private String nonEmpty(String path) {
            String value = string(path);
            if (value.isBlank()) {
                throw new EnrichConfigException(key(path), "must not be empty");
            }
            return value;
        }

        private Optional<String> optional(String path) {
            String value = string(path);
            return value.isBlank() ? Optional.empty() : Optional.of(value);
        }

        private URI uri(String path) {
            String value = nonEmpty(path);
            try {
                URI uri = URI.create(value);
                if (!Set.of("http", "https").contains(String.valueOf(uri.getScheme())) || uri.getHost() == null) {
                    throw new IllegalArgumentException("not http(s)");
                }
                return uri;
            } catch (IllegalArgumentException e) {
                throw new EnrichConfigException(key(path), "expected an http(s) URL, got '" + value + "'");
            }
        }

        private int integer(String path) {
            try {
                return config.getInt(key(path));
            } catch (ConfigException.Missing e) {
                throw new EnrichConfigException(key(path), "is required");
            } catch (ConfigException.WrongType e) {
                throw new EnrichConfigException(key(path), "expected an integer, got '"
                        + config.getValue(key(path)).unwrapped() + "'");
            }
        }

        private boolean bool(String path) {
            try {
                return config.getBoolean(key(path));
            } catch (ConfigException.Missing e) {
                throw new EnrichConfigException(key(path), "is required");
            } catch (ConfigException.WrongType e) {
                throw new EnrichConfigException(key(path), "expected true or false");
            }
        }

        private Duration duration(String path) {
            try {
                return config.getDuration(key(path));
            } catch (ConfigException.Missing e) {
                throw new EnrichConfigException(key(path), "is required");
            } catch (ConfigException.BadValue | ConfigException.WrongType e) {
                throw new EnrichConfigException(key(path), "expected a duration such as 100 ms or 1 s");
            }
        }

        private Config sub(String path) {
            try {
                return config.getConfig(key(path));
            } catch (ConfigException.Missing e) {
                return ConfigFactory.empty();
            } catch (ConfigException.WrongType e) {
                throw new EnrichConfigException(key(path), "expected an object of Kafka properties");
            }
        }
    }

    /** A copy with a different enrichments directory (for the {@code --enrichments} flag). */
    public EnrichConfig withEnrichments(Path directory) {
        return new EnrichConfig(applicationId, bootstrapServers, schemaRegistryUrl, topics, partitionKey, resolver,
                Optional.of(directory), streams, http, limits, registryRetry);
    }

    /** A copy with a different resolver file (for the {@code --resolver} flag). */
    public EnrichConfig withResolver(Path file) {
        return new EnrichConfig(applicationId, bootstrapServers, schemaRegistryUrl, topics, partitionKey,
                Optional.of(file), enrichments, streams, http, limits, registryRetry);
    }
}
