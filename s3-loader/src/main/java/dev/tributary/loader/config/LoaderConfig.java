package dev.tributary.loader.config;

import java.util.Map;
import java.util.Optional;

/** The validated, immutable configuration of one loader: built by {@link LoaderConfigReader} or in code. */
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
        int monitoringPort) {

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
    }

    public LoaderConfig withMonitoringPort(int port) {
        return new LoaderConfig(name, purpose, input, s3, encryption, buffer, retry, badTopic, producerProperties, port);
    }
}
