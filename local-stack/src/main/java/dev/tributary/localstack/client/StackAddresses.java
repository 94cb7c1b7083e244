package dev.tributary.localstack.client;

import java.nio.file.Path;

/**
 * Where a running {@code ./pipeline up} is reached, from the same ports and data directory it was started with. The
 * clients go to loopback: the stack listens there unless it was opened to the network, and then too.
 */
public record StackAddresses(Path dataDir, String bucket, int kafkaPort, int s3Port, int postgresPort,
                             int collectorPort, int enrichPort, int healthPort) {

    private static final String HOST = "localhost";

    public String kafkaBootstrap() {
        return HOST + ":" + kafkaPort;
    }

    public String collectorUrl() {
        return "http://" + HOST + ":" + collectorPort;
    }

    public String s3Endpoint() {
        return "http://" + HOST + ":" + s3Port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + postgresPort + "/postgres";
    }

    public String healthUrl() {
        return "http://" + HOST + ":" + healthPort + "/health";
    }

    public String enrichMetricsUrl() {
        return "http://" + HOST + ":" + enrichPort + "/metrics";
    }

    public String collectorMetricsUrl() {
        return collectorUrl() + "/metrics";
    }
}
