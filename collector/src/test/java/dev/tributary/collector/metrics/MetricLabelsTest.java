package dev.tributary.collector.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.collector.CollectorTestKit;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Whatever method or path a client makes up, the scrape keeps the same series. */
class MetricLabelsTest {

    static CollectorTestKit kit;

    @BeforeAll
    static void start() {
        kit = CollectorTestKit.start(Map.of("collector.redirect.enabled", true));
    }

    @AfterAll
    static void stop() {
        if (kit != null) {
            kit.close();
        }
    }

    /**
     * Series of the scrape: each sample line up to its value. The producer's own {@code kafka_*} metrics are
     * left out: Micrometer registers them from a background refresh as the client creates them, a set fixed by
     * Kafka and unrelated to requests.
     */
    static Set<String> series() {
        String scrape = kit.get("/metrics").body();
        return scrape.lines().filter(l -> !l.startsWith("#") && !l.isBlank() && !l.startsWith("kafka_"))
                .map(l -> l.substring(0, l.lastIndexOf(' '))).collect(Collectors.toSet());
    }

    HttpRequest request(String method, String path) {
        return HttpRequest.newBuilder(URI.create(kit.collector.url() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
    }

    @Test
    void madeUpMethodsAndPathsAddNoSeries() {
        // Warm up: one of each answer the flood below will get, so its series exist before counting.
        assertThat(kit.send(request("M-warm", "/warm/up/path")).statusCode()).isEqualTo(404);
        assertThat(kit.send(request("GET", "/warm/up/path")).statusCode()).isEqualTo(404);
        assertThat(kit.send(request("GET", "/r/warm")).statusCode()).isEqualTo(400);
        assertThat(kit.send(request("GET", "/i")).statusCode()).isEqualTo(200);
        series(); // the scrape request itself is counted only after it is answered
        Set<String> before = series();
        assertThat(before).anyMatch(s -> s.startsWith("http_requests_total{") && s.contains("method=\"other\""));

        for (int i = 0; i < 200; i++) {
            String randomPath = "/" + UUID.randomUUID() + "/" + UUID.randomUUID() + "/" + i;
            assertThat(kit.send(request("M" + i, randomPath)).statusCode()).isEqualTo(404);
            assertThat(kit.send(request("GET", randomPath)).statusCode()).isEqualTo(404);
            assertThat(kit.send(request("GET", "/r/" + UUID.randomUUID())).statusCode()).isEqualTo(400);
            assertThat(kit.send(request("M" + i, "/i")).statusCode()).isEqualTo(404);
        }

        Set<String> after = series();
        assertThat(after).hasSameSizeAs(before).containsExactlyInAnyOrderElementsOf(before);
        assertThat(after).noneMatch(s -> s.contains("M1") || s.contains("/warm"));
        System.out.printf("RELIABILITY scenario=metric_labels sent=800 made_up_methods=200 random_paths=600"
                + " series_before=%d series_after=%d%n", before.size(), after.size());
        // The requests were counted, under the closed labels.
        String scrape = kit.get("/metrics").body();
        assertThat(scrape).containsPattern(
                "http_requests_total\\{code=\"404\",endpoint=\"not_found\",method=\"other\"} 401\\.0");
    }
}
