package dev.tributary.collector.bench;

import dev.tributary.collector.CollectorServer;
import dev.tributary.collector.CollectorTestKit;
import dev.tributary.infra.kafka.EmbeddedKafka;
import dev.tributary.infra.registry.SchemaRegistryServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load test with wrk on loopback: the collector against a real broker, and in the same run the baseline server
 * (same Netty stack, no Kafka). Not a test: run it by hand, see docs/benchmarks.md.
 *
 * <p>Arguments: {@code [seconds per case] [connections] [wrk threads]}, default 20 100 2.
 */
public final class CollectorBenchmark {

    // Long enough for C2 to finish compiling the collector's path; with 5 s it was still compiling while measured.
    private static final int WARM_UP_SECONDS = 15;

    record Result(String name, double rps, String p50, String p99, long non2xx, long errors, long requests) {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path post = Files.createTempFile("tp2", ".lua");
        String body = "{\"schema\":\"iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4\",\"data\":[{"
                + "\"e\":\"pv\",\"p\":\"web\",\"tv\":\"js-3.17.0\",\"aid\":\"bench\",\"url\":\"https://acme.com/a/page\","
                + "\"page\":\"A page\",\"eid\":\"9d2f0c1e-2c4e-4f8e-9a57-0c0b3f9a1f11\",\"dtm\":\"1700000000000\","
                + "\"stm\":\"1700000000100\",\"res\":\"1920x1080\",\"vp\":\"1280x720\",\"lang\":\"en-GB\"}]}";
        Files.writeString(post, "wrk.method = \"POST\"\nwrk.body = '" + body + "'\n"
                + "wrk.headers[\"Content-Type\"] = \"application/json; charset=UTF-8\"\n");
        String get = "/i?e=pv&p=web&tv=js-3.17.0&aid=bench&url=https%3A%2F%2Facme.com%2Fa%2Fpage&page=A%20page"
                + "&eid=9d2f0c1e-2c4e-4f8e-9a57-0c0b3f9a1f11&dtm=1700000000000&stm=1700000000100&res=1920x1080";

        List<Result> results = new ArrayList<>();
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().start()) {
            kafka.createTopic("raw", 3);
            kafka.createTopic("bad", 1);
            try (SchemaRegistryServer registry = SchemaRegistryServer.builder(kafka.bootstrapServers()).start();
                 CollectorServer collector = CollectorServer.start(CollectorTestKit.config(kafka.bootstrapServers(),
                         registry.url(), Map.of("collector.sink.linger", System.getProperty("bench.linger", "1 ms"))));
                 BaselinePixelServer baseline = new BaselinePixelServer()) {
                String c = "http://127.0.0.1:" + collector.port();
                String b = "http://127.0.0.1:" + baseline.port();
                // Warm both JITs and the producer before measuring.
                wrk(c + get, null, WARM_UP_SECONDS, connections, threads);
                wrk(b + get, null, WARM_UP_SECONDS, connections, threads);
                wrk(c + "/com.snowplowanalytics.snowplow/tp2", post, WARM_UP_SECONDS, connections, threads);
                wrk(b + "/com.snowplowanalytics.snowplow/tp2", post, WARM_UP_SECONDS, connections, threads);

                results.add(named("baseline GET /i", wrk(b + get, null, seconds, connections, threads)));
                results.add(named("collector GET /i", wrk(c + get, null, seconds, connections, threads)));
                results.add(named("baseline POST tp2",
                        wrk(b + "/com.snowplowanalytics.snowplow/tp2", post, seconds, connections, threads)));
                results.add(named("collector POST tp2",
                        wrk(c + "/com.snowplowanalytics.snowplow/tp2", post, seconds, connections, threads)));
            }
        }
        System.out.printf(Locale.ROOT, "%nwrk -t%d -c%d -d%ds, loopback, same JVM for both servers%n", threads,
                connections, seconds);
        System.out.println("| case | requests/s | p50 | p99 | requests | non-2xx | socket errors |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "| %s | %.0f | %s | %s | %d | %d | %d |%n", r.name(), r.rps(), r.p50(),
                    r.p99(), r.requests(), r.non2xx(), r.errors());
        }
        System.out.printf(Locale.ROOT, "%nratio collector/baseline: GET /i %.2f, POST tp2 %.2f%n",
                results.get(1).rps() / results.get(0).rps(), results.get(3).rps() / results.get(2).rps());
    }

    private static Result named(String name, Result r) {
        return new Result(name, r.rps(), r.p50(), r.p99(), r.non2xx(), r.errors(), r.requests());
    }

    static Result wrk(String url, Path script, int seconds, int connections, int threads)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--latency"));
        if (script != null) {
            cmd.add("-s");
            cmd.add(script.toString());
        }
        cmd.add(url);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return new Result(url, number(out, "Requests/sec:\\s+([\\d.]+)"), text(out, "\\s50%\\s+(\\S+)"),
                text(out, "\\s99%\\s+(\\S+)"), (long) number(out, "Non-2xx or 3xx responses:\\s+(\\d+)"),
                socketErrors(out), (long) number(out, "(\\d+) requests in"));
    }

    private static double number(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static String text(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        return m.find() ? m.group(1) : "?";
    }

    private static long socketErrors(String out) {
        Matcher m = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
                .matcher(out);
        if (!m.find()) {
            return 0;
        }
        long sum = 0;
        for (int i = 1; i <= 4; i++) {
            sum += Long.parseLong(m.group(i));
        }
        return sum;
    }
}
