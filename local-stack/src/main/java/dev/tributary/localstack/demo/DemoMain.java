package dev.tributary.localstack.demo;

import dev.tributary.localstack.client.StackAddresses;
import dev.tributary.localstack.client.StackOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Entry point of {@code ./pipeline demo}: sends a seeded sample of tracker traffic to a running stack and shows what
 * reached every stage. The table goes to standard output, progress (and the batch's own output) to standard error.
 * Exit codes: 0 every stage got everything, 1 a stage came up short or the stack could not be reached, 2 usage.
 */
@Command(name = "pipeline demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Sends a realistic sample through a running ./pipeline up and shows what reached each stage.")
public final class DemoMain implements Callable<Integer> {

    @Mixin
    StackOptions stackOptions;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the sample's shape (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--events", defaultValue = "200", description = "Good events in the sample (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--timeout", defaultValue = "180s",
            description = "How long to wait for each stage, e.g. 90s or 5m (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--pipeline-script", defaultValue = "${env:TRIBUTARY_PIPELINE_SCRIPT:-./pipeline}",
            description = "The ./pipeline script whose 'batch' command runs the batch (default: ${DEFAULT-VALUE}).")
    Path pipelineScript;

    private final PrintStream out;
    private final PrintStream err;

    public DemoMain() {
        this(System.out, System.err);
    }

    DemoMain(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the demo with {@code args}; the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine command = new CommandLine(new DemoMain(out, err));
        command.setOut(new java.io.PrintWriter(out, true));
        command.setErr(new java.io.PrintWriter(err, true));
        return command.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        StackAddresses stack;
        Duration wait;
        try {
            stack = stackOptions.addresses();
            wait = duration("--timeout", timeout);
            if (events < 1 || events > 1_000_000) {
                throw new IllegalArgumentException("--events: expected a number of events from 1 to 1000000, got "
                        + events);
            }
        } catch (IllegalArgumentException e) {
            err.println("pipeline demo: " + e.getMessage());
            return 2;
        }
        String unreachable = unreachable(stack.collectorUrl() + "/health");
        if (unreachable != null) {
            err.println("pipeline demo: the collector at " + stack.collectorUrl() + " (--collector-port) does not "
                    + "answer (" + unreachable + "): start the stack with ./pipeline up first");
            return 1;
        }

        // Timestamps in the recent past, a second apart: the sample reads like the last few minutes of a shop.
        SampleTraffic.Sample sample = SampleTraffic.generate(seed, events, UUID::randomUUID,
                Instant.now().minusSeconds(events + 60L));
        DemoRun run = new DemoRun(stack, new BatchScript(pipelineScript), wait, out, err);
        List<StageRow> shortfalls;
        try {
            shortfalls = run.run(sample);
        } catch (SQLException e) {
            err.println("pipeline demo: PostgreSQL at " + stack.jdbcUrl() + " (--postgres-port): " + e.getMessage());
            return 1;
        } catch (SdkException e) {
            err.println("pipeline demo: S3 at " + stack.s3Endpoint() + ", bucket " + stack.bucket()
                    + " (--s3-port, --bucket): " + e.getMessage());
            return 1;
        } catch (KafkaException | IllegalStateException e) {
            err.println("pipeline demo: Kafka at " + stack.kafkaBootstrap() + " (--kafka-port): " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("pipeline demo: " + e.getMessage());
            return 1;
        }
        if (shortfalls.isEmpty()) {
            err.println("pipeline demo: every stage got everything the sample sent");
            return 0;
        }
        err.println("pipeline demo: short at " + shortfalls.stream()
                .map(r -> r.stage() + " " + r.item() + " (" + r.count() + (r.expected() == null ? ""
                        : ", expected " + r.expected()) + ")")
                .collect(Collectors.joining("; ")));
        return 1;
    }

    /** A duration written {@code 90s}, {@code 5m} or {@code 1h}, or an error naming the option. */
    static Duration duration(String option, String text) {
        var matcher = java.util.regex.Pattern.compile("(\\d{1,6})(s|m|h)").matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(option + ": expected a duration such as 90s, 5m or 1h, got '" + text + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration value = switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        if (value.isZero()) {
            throw new IllegalArgumentException(option + ": expected a positive duration, got '" + text + "'");
        }
        return value;
    }

    /** Null when {@code url} answers at all, otherwise why not. */
    private static String unreachable(String url) {
        try {
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()
                    .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.discarding());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }
}
