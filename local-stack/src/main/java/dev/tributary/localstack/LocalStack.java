package dev.tributary.localstack;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import dev.tributary.infra.net.BindAddress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Entry point of {@code ./pipeline up}: reads the options, starts the {@link RunningStack}, prints one
 * {@code name: address} line per component on standard output, and stops everything on Ctrl-C or
 * SIGTERM. Logs go to standard error so the address lines stay easy for scripts to read.
 */
@Command(name = "pipeline up", mixinStandardHelpOptions = true,
        description = "Runs the Tributary pipeline and its infrastructure in one JVM.")
public final class LocalStack implements Callable<Integer> {

    @Option(names = "--data-dir", defaultValue = "${env:TRIBUTARY_DATA_DIR:-data}",
            description = "Directory holding every component's data (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--kafka-port", defaultValue = "${env:TRIBUTARY_KAFKA_PORT:-9092}",
            description = "Kafka listener port (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--kafka-controller-port", defaultValue = "${env:TRIBUTARY_KAFKA_CONTROLLER_PORT:-9093}",
            description = "Kafka KRaft controller port (default: ${DEFAULT-VALUE}).")
    int kafkaControllerPort;

    @Option(names = "--registry-port", defaultValue = "${env:TRIBUTARY_REGISTRY_PORT:-8081}",
            description = "Schema registry port (default: ${DEFAULT-VALUE}).")
    int registryPort;

    @Option(names = "--s3-port", defaultValue = "${env:TRIBUTARY_S3_PORT:-9090}",
            description = "S3 API port (default: ${DEFAULT-VALUE}).")
    int s3Port;

    @Option(names = "--postgres-port", defaultValue = "${env:TRIBUTARY_POSTGRES_PORT:-5432}",
            description = "PostgreSQL port (default: ${DEFAULT-VALUE}).")
    int postgresPort;

    @Option(names = "--bucket", defaultValue = "${env:TRIBUTARY_BUCKET:-tributary}",
            description = "S3 bucket created at start for the loaders (default: ${DEFAULT-VALUE}).")
    String bucket;

    @Option(names = "--kms-key", defaultValue = "${env:TRIBUTARY_KMS_KEY:-arn:aws:kms:us-east-1:000000000000:key/tributary-local}",
            description = "KMS key ARN the S3 server accepts for aws:kms encryption (default: ${DEFAULT-VALUE}).")
    String kmsKeyArn;

    @Option(names = "--collector-port", defaultValue = "${env:TRIBUTARY_COLLECTOR_PORT:-8080}",
            description = "Collector HTTP port, where trackers send events (default: ${DEFAULT-VALUE}).")
    int collectorPort;

    @Option(names = "--enrich-port", defaultValue = "${env:TRIBUTARY_ENRICH_PORT:-9095}",
            description = "stream-enrich /health and /metrics port (default: ${DEFAULT-VALUE}).")
    int enrichPort;

    @Option(names = "--bind-address", defaultValue = "${env:TRIBUTARY_BIND_ADDRESS:-127.0.0.1}",
            description = "Interface every server listens on: 127.0.0.1 (this machine only), 0.0.0.0 (every "
                    + "interface: no authentication, raw events; only on a network you trust) or one address "
                    + "(default: ${DEFAULT-VALUE}).")
    String bindAddress;

    @Option(names = "--health-port", defaultValue = "${env:TRIBUTARY_HEALTH_PORT:-9096}",
            description = "Port of the stack's /health, every component's health as JSON (default: ${DEFAULT-VALUE}).")
    int healthPort;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LocalStack()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        StackSettings settings;
        try {
            settings = new StackSettings(dataDir.toAbsolutePath(), kafkaPort, kafkaControllerPort, registryPort,
                    s3Port, postgresPort, bucket, kmsKeyArn, collectorPort, enrichPort,
                    BindAddress.parse("bind-address", bindAddress), healthPort);
        } catch (IllegalArgumentException e) {
            System.err.println("Invalid option: " + e.getMessage());
            return 2;
        }

        RunningStack stack;
        try {
            stack = RunningStack.start(settings);
        } catch (RunningStack.StackStartException e) {
            System.err.println("The local stack did not start: " + e.getMessage());
            e.printStackTrace();
            return 1;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("Stopping the local stack...");
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));

        stack.endpoints().forEach(System.out::println);
        // Not a server: where `./pipeline batch` (one run per call) stages, shreds and archives, loading the
        // postgres above (schema atomic). Listed so that every address the quickstart uses is on this screen.
        System.out.println(new Endpoint("batch", "s3://" + settings.bucket() + "/batch/"));
        System.out.println("ready: data in " + settings.dataDir() + " (Ctrl-C to stop)");
        System.out.flush();
        stopped.await();
        return 0;
    }
}
