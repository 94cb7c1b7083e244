package dev.tributary.localstack;

import dev.tributary.collector.CollectorServer;
import dev.tributary.collector.config.CollectorConfig;
import dev.tributary.runtime.config.ConfigLoader;
import dev.tributary.infra.kafka.EmbeddedKafka;
import dev.tributary.infra.net.OwnerOnlyDirectories;
import dev.tributary.infra.postgres.EmbeddedPostgresServer;
import dev.tributary.infra.registry.SchemaRegistryServer;
import dev.tributary.infra.s3.EmbeddedS3;
import dev.tributary.infra.s3.S3Clients;
import dev.tributary.loader.S3Loader;
import dev.tributary.loader.config.LoaderConfig;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The embedded infrastructure (and, as they land, the services) running in this JVM. Components
 * start in dependency order and stop in reverse, so a service never outlives the broker it uses.
 */
public final class RunningStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunningStack.class);

    /** Topics the services share; created at start (a no-op when they already exist). */
    public static final String RAW_TOPIC = "raw";
    public static final String BAD_TOPIC = "bad";
    private static final int SERVICE_TOPIC_PARTITIONS = 3;

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final List<Endpoint> endpoints = new ArrayList<>();

    private RunningStack() {
    }

    /**
     * Starts every component. If one fails, those already started are stopped again and the error
     * names the component that failed.
     */
    public static RunningStack start(StackSettings settings) {
        RunningStack stack = new RunningStack();
        StackHealth health = new StackHealth();
        try {
            // Raw events (IPs, cookies) and databases live here: owner-only, like every directory below it.
            OwnerOnlyDirectories.create(settings.dataDir());
            EmbeddedKafka kafka = stack.startComponent("kafka", () -> EmbeddedKafka.builder()
                    .bindAddress(settings.bindAddress())
                    .port(settings.kafkaPort())
                    .controllerPort(settings.kafkaControllerPort())
                    .dataDir(settings.kafkaDir())
                    .start());
            stack.endpoints.add(new Endpoint("kafka", kafka.bootstrapServers()));
            health.add("kafka", stack.startComponent("kafka-health-client",
                    () -> new HealthChecks.Kafka(kafka.bootstrapServers())));

            SchemaRegistryServer registry = stack.startComponent("schema-registry", () ->
                    SchemaRegistryServer.builder(kafka.bootstrapServers()).bindAddress(settings.bindAddress())
                            .port(settings.registryPort()).start());
            stack.endpoints.add(new Endpoint("schema-registry", registry.url()));
            health.add("schema-registry", HealthChecks.http(registry.url() + "/config"));

            EmbeddedS3 s3 = stack.startComponent("s3", () -> EmbeddedS3.builder()
                    .bindAddress(settings.bindAddress())
                    .port(settings.s3Port())
                    .dataDir(settings.s3Dir())
                    .initialBuckets(settings.bucket())
                    .validKmsKeys(settings.kmsKeyArn())
                    .build()
                    .start());
            stack.endpoints.add(new Endpoint("s3", s3.endpoint().toString()));

            EmbeddedPostgresServer postgres = stack.startComponent("postgres", () -> EmbeddedPostgresServer.builder()
                    .bindAddress(settings.bindAddress())
                    .port(settings.postgresPort())
                    .dataDir(settings.postgresDir())
                    .build()
                    .start());
            stack.endpoints.add(new Endpoint("postgres", postgres.jdbcUrl()));
            health.add("postgres", HealthChecks.postgres(postgres.jdbcUrl(), postgres.user(), postgres.password()));

            // Services, after the infrastructure they use.
            kafka.createTopic(RAW_TOPIC, SERVICE_TOPIC_PARTITIONS);
            kafka.createTopic(BAD_TOPIC, SERVICE_TOPIC_PARTITIONS);
            // The service runtime's config path: reference.conf, then these overrides, validated as the
            // collector's own main does; a misspelt key fails the start, and the shell's TRIBUTARY_* do not leak in.
            CollectorServer collector = stack.startComponent("collector", () -> CollectorServer.start(
                    CollectorConfig.from(ConfigLoader.forService("collector", "collector")
                    .environment(Map.of())
                    .overrides(Map.of(
                            "collector.interface", settings.bindAddress().toString(),
                            "collector.port", settings.collectorPort(),
                            "collector.sink.bootstrap-servers", kafka.bootstrapServers(),
                            "collector.sink.schema-registry-url", registry.url(),
                            "collector.sink.good-topic", RAW_TOPIC,
                            "collector.sink.bad-topic", BAD_TOPIC,
                            // Plain http on localhost: a Secure cookie would never come back.
                            "collector.cookie.secure", false,
                            "collector.cookie.same-site", "Lax"))
                    .load().requireKnownKeys().typed())));
            String collectorUrl = "http://" + settings.bindAddress().clientHost() + ":" + collector.port();
            stack.endpoints.add(new Endpoint("collector", collectorUrl));
            health.add("collector", HealthChecks.http(collectorUrl + "/health"));
            LocalStreamEnrich.Running enrich = stack.startComponent("stream-enrich", () -> LocalStreamEnrich.start(
                    kafka, registry, settings.enrichDir(), settings.bindAddress(), settings.enrichPort()));
            stack.endpoints.add(new Endpoint("stream-enrich", LocalStreamEnrich.healthUrl(enrich,
                    settings.bindAddress())));
            // /ready: streams running or rebalancing and the schema registry reachable (what /health meant before).
            health.add("stream-enrich", HealthChecks.http(LocalStreamEnrich.readyUrl(enrich, settings.bindAddress())));
            S3Client loaderS3 = stack.startComponent("s3-loader-client", () -> S3Clients.builder(s3)
                    .httpClient(UrlConnectionHttpClient.create()).build());
            health.add("s3", HealthChecks.s3(loaderS3, settings.bucket()));
            for (LoaderConfig loader : LocalLoaders.configs(settings, kafka.bootstrapServers(), s3)) {
                kafka.createTopic(loader.input().topic(), LocalLoaders.PARTITIONS);
                S3Loader running = stack.startComponent(loader.name(), () -> S3Loader.start(loader, loaderS3));
                stack.endpoints.add(new Endpoint(loader.name(),
                        "s3://" + loader.s3().bucket() + "/" + loader.s3().prefix() + "/"));
                health.add(loader.name(), running::unhealthyReason);
            }

            // Last, so that it reports on everything above; listed with the other addresses.
            HealthEndpoint endpoint = stack.startComponent("health",
                    () -> new HealthEndpoint(settings.bindAddress(), settings.healthPort(), health));
            stack.endpoints.add(new Endpoint("health", endpoint.url()));
            return stack;
        } catch (StackStartException e) {
            stack.close();
            throw e;
        }
    }

    /** The components' addresses, in start order. */
    public List<Endpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable component = started.pop();
            try {
                component.close();
            } catch (Exception e) {
                LOG.warn("Stopping {} failed; continuing with the rest", component.getClass().getSimpleName(), e);
            }
        }
    }

    @FunctionalInterface
    private interface Starter<T extends AutoCloseable> {
        T start() throws Exception;
    }

    private <T extends AutoCloseable> T startComponent(String name, Starter<T> starter) {
        LOG.info("Starting {}", name);
        try {
            T component = starter.start();
            started.push(component);
            return component;
        } catch (Exception | LinkageError e) {
            // LinkageError too: a broken classpath must stop the stack, not leave servers running headless.
            throw new StackStartException(name, e);
        }
    }

    /** A component did not start; the message names it and gives the cause. */
    public static final class StackStartException extends RuntimeException {
        StackStartException(String component, Throwable cause) {
            super(component + " did not start: " + cause, cause);
        }
    }
}
