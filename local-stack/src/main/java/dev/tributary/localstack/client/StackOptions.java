package dev.tributary.localstack.client;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options of {@code ./pipeline up} that say where the stack is, with the same environment variables and
 * defaults, so {@code demo} and {@code status} find a stack started with the same settings.
 */
public final class StackOptions {

    @Option(names = "--data-dir", defaultValue = "${env:TRIBUTARY_DATA_DIR:-data}",
            description = "The stack's data directory (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--bucket", defaultValue = "${env:TRIBUTARY_BUCKET:-tributary}",
            description = "The stack's S3 bucket (default: ${DEFAULT-VALUE}).")
    String bucket;

    @Option(names = "--kafka-port", defaultValue = "${env:TRIBUTARY_KAFKA_PORT:-9092}",
            description = "Kafka listener port (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--s3-port", defaultValue = "${env:TRIBUTARY_S3_PORT:-9090}",
            description = "S3 API port (default: ${DEFAULT-VALUE}).")
    int s3Port;

    @Option(names = "--postgres-port", defaultValue = "${env:TRIBUTARY_POSTGRES_PORT:-5432}",
            description = "PostgreSQL port (default: ${DEFAULT-VALUE}).")
    int postgresPort;

    @Option(names = "--collector-port", defaultValue = "${env:TRIBUTARY_COLLECTOR_PORT:-8080}",
            description = "Collector port (default: ${DEFAULT-VALUE}).")
    int collectorPort;

    @Option(names = "--enrich-port", defaultValue = "${env:TRIBUTARY_ENRICH_PORT:-9095}",
            description = "stream-enrich /health and /metrics port (default: ${DEFAULT-VALUE}).")
    int enrichPort;

    @Option(names = "--health-port", defaultValue = "${env:TRIBUTARY_HEALTH_PORT:-9096}",
            description = "The stack's /health port (default: ${DEFAULT-VALUE}).")
    int healthPort;

    /** The addresses, or an error naming the option that is out of range. */
    public StackAddresses addresses() {
        port("--kafka-port", kafkaPort);
        port("--s3-port", s3Port);
        port("--postgres-port", postgresPort);
        port("--collector-port", collectorPort);
        port("--enrich-port", enrichPort);
        port("--health-port", healthPort);
        return new StackAddresses(dataDir.toAbsolutePath(), bucket, kafkaPort, s3Port, postgresPort, collectorPort,
                enrichPort, healthPort);
    }

    private static void port(String option, int value) {
        // 0 means "a free port" to `up`, which a client cannot follow: it must be told the port that was picked.
        if (value < 1 || value > 65_535) {
            throw new IllegalArgumentException(option + ": expected the TCP port the stack listens on (1-65535), got "
                    + value);
        }
    }
}
