package dev.tributary.enrich.config;

import dev.tributary.runtime.config.ConfigError;
import dev.tributary.runtime.config.TypedConfig;
import dev.tributary.enrich.output.OutputLimit;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * stream-enrich's configuration, validated at start-up. Loaded by service-runtime (reference.conf, the
 * {@code --config} file, {@code TRIBUTARY_STREAM_ENRICH_*} variables, flags and overrides, in that order); keys
 * are under {@code enrich} and the module README lists them all. The monitoring block is read by the runtime.
 */
public record EnrichConfig(String applicationId, String bootstrapServers, URI schemaRegistryUrl, Topics topics,
                           PartitionKey partitionKey, Optional<Path> resolver, Optional<Path> enrichments,
                           Streams streams, Limits limits, RegistryRetry registryRetry) {

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

        static PartitionKey parse(TypedConfig root) {
            String value = root.string("output.partition-key");
            for (PartitionKey k : values()) {
                if (k.configName.equals(value)) {
                    return k;
                }
            }
            throw root.invalid("output.partition-key", "one of " + names());
        }

        static String names() {
            StringBuilder sb = new StringBuilder();
            for (PartitionKey k : values()) {
                sb.append(sb.isEmpty() ? "" : ", ").append(k.configName);
            }
            return sb.toString();
        }
    }

    /**
     * Binds the keys below {@code enrich} (the {@link TypedConfig} at the service's root, loaded by
     * service-runtime's {@code ConfigLoader}: reference.conf, {@code --config} file, environment, overrides).
     *
     * @throws ConfigError naming the key, what was expected and what was given
     */
    public static EnrichConfig from(TypedConfig root) {
        String applicationId = root.nonBlank("application-id");
        String bootstrap = root.nonBlank("bootstrap-servers");
        URI registry = root.httpUrl("schema-registry-url");
        Topics topics = new Topics(root.nonBlank("input.topic"), root.nonBlank("output.enriched-topic"),
                root.nonBlank("output.bad-topic"), root.optionalString("output.pii-topic"),
                root.optionalString("output.enriched-avro-topic"));
        PartitionKey partitionKey = PartitionKey.parse(root);
        Optional<Path> resolver = root.optionalPath("resolver");
        if (resolver.isPresent() && !Files.isReadable(resolver.get())) {
            throw root.invalid("resolver", "a readable Iglu resolver JSON file");
        }
        Optional<Path> enrichments = root.optionalPath("enrichments");
        if (enrichments.isPresent() && !Files.isDirectory(enrichments.get())) {
            throw root.invalid("enrichments", "a directory of enrichment JSON files");
        }
        int threads = root.intBetween("streams.threads", 1, 1024);
        Duration commit = root.duration("streams.commit-interval");
        Map<String, String> properties = root.stringMap("streams.properties");
        Streams streams = new Streams(threads, commit, root.optionalPath("streams.state-dir"), properties);
        return new EnrichConfig(applicationId, bootstrap, registry, topics, partitionKey, resolver, enrichments,
                streams, limits(root, properties), registryRetry(root));
    }

    private static Limits limits(TypedConfig root, Map<String, String> properties) {
        for (String property : List.of("max.request.size", "producer.max.request.size")) {
            if (properties.containsKey(property)) {
                throw new ConfigError(root.key("streams.properties") + ".\"" + property + "\"",
                        "no entry: set the producer's max.request.size with " + root.key("streams.max-request-size")
                                + " (the output record limit is derived from it)", properties.get(property));
            }
        }
        int smallest = OutputLimit.MIN_RECORD_BYTES + OutputLimit.RECORD_OVERHEAD_BYTES;
        int maxRequestSize = root.intBetween("streams.max-request-size", smallest, Integer.MAX_VALUE);
        int largest = maxRequestSize - OutputLimit.RECORD_OVERHEAD_BYTES;
        int maxRecordBytes;
        String configured = root.string("output.max-record-bytes").trim();
        if (configured.equals("auto")) {
            maxRecordBytes = largest;
        } else {
            String expected = "auto or " + OutputLimit.MIN_RECORD_BYTES + ".." + largest + " bytes ("
                    + root.key("streams.max-request-size") + " " + maxRequestSize + " minus "
                    + OutputLimit.RECORD_OVERHEAD_BYTES + " bytes of record overhead)";
            try {
                maxRecordBytes = Integer.parseInt(configured);
            } catch (NumberFormatException e) {
                throw root.invalid("output.max-record-bytes", expected);
            }
            if (maxRecordBytes < OutputLimit.MIN_RECORD_BYTES || maxRecordBytes > largest) {
                throw root.invalid("output.max-record-bytes", expected);
            }
        }
        int depth = root.intBetween("validation.max-json-depth", 1, 1000);
        return new Limits(maxRequestSize, maxRecordBytes, depth);
    }

    private static RegistryRetry registryRetry(TypedConfig root) {
        Duration initial = root.duration("schema-registry-retry.initial-backoff");
        if (initial.toMillis() < 1) {
            throw root.invalid("schema-registry-retry.initial-backoff", "at least 1 ms");
        }
        Duration max = root.duration("schema-registry-retry.max-backoff");
        if (max.compareTo(initial) < 0 || max.compareTo(Duration.ofMinutes(1)) > 0) {
            throw root.invalid("schema-registry-retry.max-backoff", "between "
                    + root.key("schema-registry-retry.initial-backoff") + " (" + initial + ") and 1 minute");
        }
        return new RegistryRetry(initial, max);
    }
}
