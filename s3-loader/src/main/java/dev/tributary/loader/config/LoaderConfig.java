package dev.tributary.loader.config;

import java.util.Map;
import java.util.Optional;

/**
 * The validated, immutable configuration of one loader: built by {@link LoaderConfigReader} or in code.
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
        Map<String, String> producerProperties,
        int monitoringPort,
        String monitoringHost) {

    /** Where a standalone loader's /metrics and /health listen unless configured: every interface, for scrapers. */
    public static final String DEFAULT_MONITORING_HOST = "0.0.0.0";

    public LoaderConfig {
        producerProperties = Map.copyOf(producerProperties);
        monitoringHost = monitoringHost == null ? DEFAULT_MONITORING_HOST : monitoringHost;
    }

    /** With the monitoring server (if any) on {@value #DEFAULT_MONITORING_HOST}. */
    public LoaderConfig(String name, Purpose purpose, Input input, S3Output s3, EncryptionConfig encryption,
                        BufferConfig buffer, RetryConfig retry, String badTopic, Map<String, String> producerProperties,
                        int monitoringPort) {
        this(name, purpose, input, s3, encryption, buffer, retry, badTopic, producerProperties, monitoringPort,
                DEFAULT_MONITORING_HOST);
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
                    + SensitiveProperties.masked(consumerProperties) + "]";
        }
    }

    public LoaderConfig withMonitoringPort(int port) {
        return new LoaderConfig(name, purpose, input, s3, encryption, buffer, retry, badTopic, producerProperties, port,
                monitoringHost);
    }

    /** The monitoring server on {@code host} (an IP address) and {@code port}. */
    public LoaderConfig withMonitoring(String host, int port) {
        return new LoaderConfig(name, purpose, input, s3, encryption, buffer, retry, badTopic, producerProperties, port,
                host);
    }

    @Override
    public String toString() {
        return "LoaderConfig[name=" + name + ", purpose=" + purpose + ", input=" + input + ", s3=" + s3
                + ", encryption=" + encryption + ", buffer=" + buffer + ", retry=" + retry + ", badTopic=" + badTopic
                + ", producer=" + SensitiveProperties.masked(producerProperties) + ", monitoring=" + monitoringHost
                + ":" + monitoringPort + "]";
    }
}
