package dev.tributary.localstack;

import dev.tributary.infra.net.BindAddress;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the local stack keeps its data and which ports it listens on. Ports are fixed by default so
 * tracker configs, clients and scripts keep working across restarts; 0 picks a free port. Every server listens on
 * {@code bindAddress}: loopback unless the user asks for another interface.
 */
public record StackSettings(
        Path dataDir,
        int kafkaPort,
        int kafkaControllerPort,
        int registryPort,
        int s3Port,
        int postgresPort,
        String bucket,
        String kmsKeyArn,
        int collectorPort,
        int enrichPort,
        BindAddress bindAddress,
        int healthPort) {

    /** Loopback, and the stack's health endpoint on a free port. */
    public StackSettings(Path dataDir, int kafkaPort, int kafkaControllerPort, int registryPort, int s3Port,
                         int postgresPort, String bucket, String kmsKeyArn, int collectorPort, int enrichPort) {
        this(dataDir, kafkaPort, kafkaControllerPort, registryPort, s3Port, postgresPort, bucket, kmsKeyArn,
                collectorPort, enrichPort, BindAddress.LOOPBACK, 0);
    }

    public StackSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(bindAddress, "bindAddress");
        requirePort("health-port", healthPort);
        requirePort("kafka-port", kafkaPort);
        requirePort("kafka-controller-port", kafkaControllerPort);
        requirePort("registry-port", registryPort);
        requirePort("s3-port", s3Port);
        requirePort("postgres-port", postgresPort);
        requirePort("collector-port", collectorPort);
        requirePort("enrich-port", enrichPort);
        if (bucket == null || !bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("bucket: expected an S3 bucket name (3-63 lower-case letters, digits, '.', '-'), got '"
                    + bucket + "'");
        }
        if (kmsKeyArn == null || !kmsKeyArn.startsWith("arn:aws:kms:")) {
            throw new IllegalArgumentException("kms-key: expected a KMS key ARN (arn:aws:kms:...), got '" + kmsKeyArn + "'");
        }
    }

    private static void requirePort(String key, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(key + ": expected a TCP port 0-65535 (0 = any free port), got " + port);
        }
    }

    public Path enrichDir() {
        return dataDir.resolve("stream-enrich");
    }

    public Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    public Path s3Dir() {
        return dataDir.resolve("s3");
    }

    public Path postgresDir() {
        return dataDir.resolve("postgres");
    }
}
