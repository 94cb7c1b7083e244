package dev.tributary.collector.http;

import static dev.tributary.collector.RawHttp.connect;
import static dev.tributary.collector.RawHttp.exchange;
import static dev.tributary.collector.RawHttp.get;
import static dev.tributary.collector.RawHttp.readUntilClosed;
import static dev.tributary.collector.RawHttp.statuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.collector.CollectorServer;
import dev.tributary.collector.CollectorTestKit;
import dev.tributary.collector.Measured;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connection cap, the request read timeout and the pipelining limit, each hit on a collector of its own
 * against the real broker: the offending connection gets 503 with {@code Retry-After} or is closed, nothing of
 * it is recorded, and a well-behaved client is answered 200 afterwards.
 */
class RequestLimitsTest {

    static CollectorTestKit kit;

    @BeforeAll
    static void start() {
        kit = CollectorTestKit.start(Map.of());
    }

    @AfterAll
    static void stop() {
        if (kit != null) {
            kit.close();
        }
    }

    static CollectorServer collector(Map<String, ?> overrides) {
        return CollectorServer.start(CollectorTestKit.config(kit.kafka.bootstrapServers(), kit.registry.url(),
                overrides));
    }

    static String marker() {
        return "m" + UUID.randomUUID().toString().replace("-", "");
    }

    /** A new connection from a fresh client, as a tracker retrying later would make. */
    static int wellBehavedGet(CollectorServer collector, String marker) throws Exception {
        HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return fresh.send(HttpRequest.newBuilder(URI.create(collector.url() + "/i?e=pv&aid=" + marker)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String limitCounter(CollectorServer collector, String limit) throws Exception {
        HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String scrape = fresh.send(HttpRequest.newBuilder(URI.create(collector.url() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return scrape.lines().filter(l -> l.startsWith("collector_limit_rejections_total{limit=\"" + limit + "\"}"))
                .findFirst().orElseThrow();
    }

    @Test
    void aConnectionBeyondTheCapGets503WithRetryAfterAndIsClosed() throws Exception {
        try (CollectorServer c = collector(Map.of(
                "collector.networking.max-connections", 2,
                "collector.sink.retry-after", "9 seconds"));
             Socket first = connect(c);
             Socket second = connect(c)) {
            // Two silent connections hold the cap (a connection that sends nothing is left to the idle timeout).
            await().atMost(Duration.ofSeconds(30)).until(() -> c.openConnections() == 2);

            String refused = marker();
            String answer = exchange(c, get("/i?e=pv&aid=" + refused));
            assertThat(statuses(answer)).containsExactly(503);
            assertThat(answer.toLowerCase()).contains("retry-after: 9\r\n", "connection: close\r\n");
            assertThat(c.openConnections()).isEqualTo(2);

            // The connections inside the cap are served as usual.
            String held = marker();
            first.getOutputStream().write(get("/i?e=pv&aid=" + held, "Connection: close")
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(statuses(readUntilClosed(first))).containsExactly(200);

            second.close();
            await().atMost(Duration.ofSeconds(30)).until(() -> c.openConnections() == 0);
            String after = marker();
            assertThat(wellBehavedGet(c, after)).isEqualTo(200);

            assertThat(kit.raw(refused)).isEmpty();
            assertThat(kit.raw(held)).hasSize(1);
            assertThat(kit.raw(after)).hasSize(1);
            assertThat(limitCounter(c, "connections")).endsWith(" 1.0");
            Measured.report("connection_cap", 3, 2, 1, 0, 0, "max_connections=2");
        }
    }

    @Test
    void aClientThatTricklesItsHeadersOrItsBodyIsClosed() throws Exception {
        ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();
        try (CollectorServer c = collector(Map.of("collector.networking.request-read-timeout", "1 second"))) {
            String inHeaders = marker();
            String inBody = marker();
            String[][] requests = {
                    // Headers that never end: one more padding byte every 100 ms.
                    {"GET /i?e=pv&aid=" + inHeaders + " HTTP/1.1\r\nHost: c\r\nX-Pad: ", "a".repeat(5_000)},
                    // Complete headers, then a body that never completes.
                    {"POST /com.snowplowanalytics.snowplow/tp2 HTTP/1.1\r\nHost: c\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 5000\r\n\r\n{\"aid\":\"" + inBody + "\",\"x\":\"", "b".repeat(5_000)}};
            for (String[] request : requests) {
                try (Socket socket = connect(c)) {
                    OutputStream out = socket.getOutputStream();
                    out.write(request[0].getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    AtomicInteger sent = new AtomicInteger();
                    var trickling = trickler.scheduleAtFixedRate(() -> {
                        try {
                            out.write(request[1].charAt(sent.getAndIncrement()));
                            out.flush();
                        } catch (IOException | RuntimeException closed) {
                            throw new IllegalStateException("stop trickling", closed);
                        }
                    }, 100, 100, TimeUnit.MILLISECONDS);
                    CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> {
                        try {
                            return readUntilClosed(socket);
                        } catch (IOException e) {
                            return "";
                        }
                    });
                    await().atMost(Duration.ofSeconds(30)).until(answer::isDone);
                    trickling.cancel(false);
                    // Closed without an answer, while the client was still sending.
                    assertThat(answer.get()).isEmpty();
                    assertThat(sent.get()).isLessThan(request[1].length());
                }
            }
            String after = marker();
            assertThat(wellBehavedGet(c, after)).isEqualTo(200);
            assertThat(kit.raw(inHeaders)).isEmpty();
            assertThat(kit.raw(inBody)).isEmpty();
            assertThat(kit.raw(after)).hasSize(1);
            assertThat(limitCounter(c, "read_timeout")).endsWith(" 2.0");
            Measured.report("slow_client", 3, 1, 0, 2, 0, "request_read_timeout=1s trickle=1B/100ms");
        } finally {
            trickler.shutdownNow();
        }
    }

    @Test
    void aRequestBeyondThePipeliningLimitGets503AndTheConnectionCloses() throws Exception {
        try (CollectorServer c = collector(Map.of(
                "collector.networking.max-pipelined-requests", 2,
                "collector.sink.retry-after", "4 seconds"))) {
            String run = marker();
            StringBuilder pipelined = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                pipelined.append(get("/i?e=pv&aid=" + run + "-" + i));
            }
            // One write: the server reads all ten at once, while the first two still wait for Kafka.
            String answer = exchange(c, pipelined.toString());
            assertThat(statuses(answer)).containsExactly(200, 200, 503);
            assertThat(answer.substring(answer.indexOf("HTTP/1.1 503")).toLowerCase()).contains("retry-after: 4\r\n",
                    "connection: close\r\n");

            String after = marker();
            assertThat(wellBehavedGet(c, after)).isEqualTo(200);
            // Exactly the answered-200 requests were recorded; the refused one and those after it were not.
            assertThat(kit.raw(run)).extracting(p -> p.getQuerystring().substring(p.getQuerystring().indexOf("aid=") + 4))
                    .containsExactlyInAnyOrder(run + "-0", run + "-1");
            assertThat(kit.raw(after)).hasSize(1);
            assertThat(limitCounter(c, "pipelining")).endsWith(" 1.0");
            Measured.report("pipelining", 11, 3, 1, 7, 0, "max_pipelined_requests=2 pipelined=10");
        }
    }
}
