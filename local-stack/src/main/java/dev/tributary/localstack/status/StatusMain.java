package dev.tributary.localstack.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.localstack.client.KafkaCounters;
import dev.tributary.localstack.client.StackAddresses;
import dev.tributary.localstack.client.StackOptions;
import dev.tributary.localstack.client.TopicReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Entry point of {@code ./pipeline status}: every component's health (the stack's {@code /health}, which asks each
 * one through its own endpoint or protocol), the lag of every consumer group, and the records each topic received
 * in the last minute. Rates come from Kafka, not from the services' metrics: the broker's time index finds the first
 * record of the last minute in each topic and the records from there are counted (read-committed), so the answer is
 * exact, needs no sampling interval, and counts events, not the transaction markers stream-enrich's exactly-once
 * writes add to its topics' offsets. Exit codes: 0 everything up, 1 a component down or the stack unreachable, 2 usage.
 */
@Command(name = "pipeline status", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Shows the health of a running ./pipeline up, its consumer lag and events per second.")
public final class StatusMain implements Callable<Integer> {

    static final List<String> TOPICS = List.of("raw", "enriched", "bad");
    static final Duration WINDOW = Duration.ofMinutes(1);

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    StackOptions stackOptions;

    private final PrintStream out;
    private final PrintStream err;

    public StatusMain() {
        this(System.out, System.err);
    }

    StatusMain(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine command = new CommandLine(new StatusMain(out, err));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Override
    public Integer call() {
        StackAddresses stack;
        try {
            stack = stackOptions.addresses();
        } catch (IllegalArgumentException e) {
            err.println("pipeline status: " + e.getMessage());
            return 2;
        }
        HttpResponse<String> health;
        try {
            health = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build().send(
                    HttpRequest.newBuilder(URI.create(stack.healthUrl())).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (Exception e) {
            err.println("pipeline status: nothing answers at " + stack.healthUrl() + " (--health-port): is the stack "
                    + "running? Start it with ./pipeline up (" + e.getClass().getSimpleName() + ")");
            return 1;
        }
        boolean up = printHealth(stack, health);
        try (KafkaCounters kafka = new KafkaCounters(stack.kafkaBootstrap())) {
            printLag(stack, kafka);
            printRates(stack, kafka);
        } catch (RuntimeException e) {
            err.println("pipeline status: Kafka at " + stack.kafkaBootstrap() + " (--kafka-port): " + e.getMessage());
            return 1;
        }
        return up ? 0 : 1;
    }

    private boolean printHealth(StackAddresses stack, HttpResponse<String> health) {
        JsonNode body;
        try {
            body = JSON.readTree(health.body());
        } catch (Exception e) {
            err.println("pipeline status: " + stack.healthUrl() + " answered " + health.statusCode()
                    + " with something that is not JSON");
            return false;
        }
        out.printf("stack: %s (%s)%n", body.path("status").asText("UNKNOWN"), stack.healthUrl());
        out.printf("%-22s %-6s %s%n", "component", "health", "reason");
        for (Map.Entry<String, JsonNode> component : body.path("components").properties()) {
            out.printf("%-22s %-6s %s%n", component.getKey(), component.getValue().path("status").asText(),
                    component.getValue().path("reason").asText(""));
        }
        return health.statusCode() == 200;
    }

    private void printLag(StackAddresses stack, KafkaCounters kafka) {
        out.println();
        out.printf("%-34s %-22s %12s%n", "consumer group", "topics", "lag (records)");
        kafka.consumerGroupOffsets().forEach((group, partitions) -> {
            String topics = partitions.stream().map(p -> p.partition().topic()).distinct().sorted()
                    .collect(Collectors.joining(","));
            out.printf("%-34s %-22s %12d%n", group, topics.isEmpty() ? "-" : topics,
                    TopicReader.recordsBetween(stack.kafkaBootstrap(), partitions));
        });
    }

    private void printRates(StackAddresses stack, KafkaCounters kafka) {
        out.println();
        out.printf("%-10s %18s %10s%n", "topic", "records last 60 s", "per second");
        Instant since = Instant.now().minus(WINDOW);
        for (String topic : TOPICS) {
            long records = TopicReader.recordsSince(stack.kafkaBootstrap(), topic, since, kafka.partitions(topic));
            out.printf("%-10s %18d %10.1f%n", topic, records, records / (double) WINDOW.toSeconds());
        }
        out.flush();
    }
}
