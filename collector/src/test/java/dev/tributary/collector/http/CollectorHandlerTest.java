package dev.tributary.collector.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.collector.config.CollectorConfig;
import dev.tributary.collector.metrics.CollectorMetrics;
import dev.tributary.collector.testing.InMemorySink;
import dev.tributary.collector.testing.InMemorySink.Mode;
import dev.tributary.runtime.config.ConfigLoader;
import dev.tributary.runtime.monitoring.HealthRegistry;
import dev.tributary.runtime.monitoring.HealthStatus;
import dev.tributary.runtime.monitoring.MonitoringEndpoints;
import dev.tributary.schemas.avro.CollectorPayload;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The handler alone on Netty's {@link EmbeddedChannel} with an in-memory {@link dev.tributary.collector.sink.Sink}:
 * routing, CORS, cookies, redirects, monitoring routes and pipelining order, without a broker or a socket.
 * (The same behaviours against a real broker are in {@link EndpointsTest}; the sink's own in the sink tests.)
 */
class CollectorHandlerTest {

    private final InMemorySink sink = new InMemorySink();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<EmbeddedChannel> channels = new ArrayList<>();

    @AfterEach
    void close() {
        channels.forEach(EmbeddedChannel::finishAndReleaseAll);
        registry.close();
    }

    private EmbeddedChannel channel(Map<String, ?> overrides) {
        Map<String, Object> all = new HashMap<>(overrides);
        CollectorConfig config = CollectorConfig.from(ConfigLoader.forService("collector", "collector")
                .environment(Map.of()).overrides(all).load().requireKnownKeys().typed());
        HealthRegistry health = new HealthRegistry();
        health.readiness("kafka-sink", () -> sink.healthy() ? HealthStatus.healthy() : HealthStatus.unhealthy("down"));
        CollectorHandler handler = new CollectorHandler(config, sink, new CollectorMetrics(registry),
                new MonitoringEndpoints(registry, health), "tributary-collector-test-kafka");
        EmbeddedChannel channel = new EmbeddedChannel(handler);
        channels.add(channel);
        return channel;
    }

    private static FullHttpRequest request(HttpMethod method, String uri, String... headers) {
        return withBody(method, uri, "", headers);
    }

    private static FullHttpRequest withBody(HttpMethod method, String uri, String body, String... headers) {
        FullHttpRequest r = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        r.headers().set(HttpHeaderNames.HOST, "collector.example");
        for (int i = 0; i < headers.length; i += 2) {
            r.headers().add(headers[i], headers[i + 1]);
        }
        return r;
    }

    /** Sends one request and returns the one answer written for it (none: null). */
    private static FullHttpResponse exchange(EmbeddedChannel channel, FullHttpRequest request) {
        channel.writeInbound(request);
        channel.runPendingTasks();
        return channel.readOutbound();
    }

    private static String body(FullHttpResponse r) {
        return r.content().toString(StandardCharsets.UTF_8);
    }

    // --- routing ---

    @Test
    void trackingRoutesAreStoredAndAnsweredAfterTheSinkAcknowledged() {
        EmbeddedChannel ch = channel(Map.of());
        FullHttpResponse pixel = exchange(ch, request(HttpMethod.GET, "/i?e=pv&aid=a1"));
        assertThat(pixel.status().code()).isEqualTo(200);
        assertThat(pixel.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("image/gif");
        assertThat(pixel.content().readableBytes()).isEqualTo(43);

        FullHttpResponse post = exchange(ch, withBody(HttpMethod.POST, "/com.snowplowanalytics.snowplow/tp2",
                "{\"data\":[]}", "Content-Type", "application/json; charset=UTF-8"));
        assertThat(post.status().code()).isEqualTo(200);
        assertThat(body(post)).isEqualTo("ok");

        FullHttpResponse vendorGet = exchange(ch, request(HttpMethod.GET, "/com.acme/v1?x=1"));
        assertThat(vendorGet.status().code()).isEqualTo(200);

        List<CollectorPayload> stored = sink.stored();
        assertThat(stored).extracting(CollectorPayload::getPath)
                .containsExactly("/i", "/com.snowplowanalytics.snowplow/tp2", "/com.acme/v1");
        assertThat(stored.get(0).getQuerystring()).isEqualTo("e=pv&aid=a1");
        assertThat(stored.get(1).getBody()).isEqualTo("{\"data\":[]}");
        assertThat(stored.get(1).getContentType()).isEqualTo("application/json; charset=utf-8");
        assertThat(stored.get(0).getCollector()).isEqualTo("tributary-collector-test-kafka");
        assertThat(stored.get(0).getHostname()).isEqualTo("collector.example");
        assertThat(sink.partitionKeys()).allMatch(java.util.Optional::isEmpty);
    }

    @Test
    void otherRoutesAreAnsweredWithoutTouchingTheSink() {
        EmbeddedChannel ch = channel(Map.of("collector.root-response.enabled", true,
                "collector.root-response.body", "moved", "collector.cross-domain.enabled", true));
        assertThat(exchange(ch, request(HttpMethod.GET, "/nope/nope/nope")).status().code()).isEqualTo(404);
        assertThat(exchange(ch, request(HttpMethod.DELETE, "/i")).status().code()).isEqualTo(404);
        assertThat(exchange(ch, request(HttpMethod.POST, "/i")).status().code()).isEqualTo(404);
        assertThat(body(exchange(ch, request(HttpMethod.GET, "/robots.txt")))).isEqualTo("User-agent: *\nDisallow: /\n");
        assertThat(body(exchange(ch, request(HttpMethod.GET, "/crossdomain.xml")))).contains("<cross-domain-policy>");
        FullHttpResponse root = exchange(ch, request(HttpMethod.GET, "/"));
        assertThat(root.status().code()).isEqualTo(302);
        assertThat(body(root)).isEqualTo("moved");
        assertThat(sink.partitionKeys()).isEmpty();
    }

    @Test
    void customPathsAreMappedBeforeRoutingAndTheStandardPathIsRecorded() {
        // A ConfigValue, as a Java map's keys would be read as paths ("/com" . "acme/track").
        EmbeddedChannel ch = channel(Map.of("collector.paths", com.typesafe.config.ConfigFactory.parseString(
                "\"/com.acme/track\" = \"/com.snowplowanalytics.snowplow/tp2\"").root()));
        FullHttpResponse r = exchange(ch, withBody(HttpMethod.POST, "/com.acme/track", "{}",
                "Content-Type", "application/json"));
        assertThat(body(r)).isEqualTo("ok");
        assertThat(sink.stored()).extracting(CollectorPayload::getPath)
                .containsExactly("/com.snowplowanalytics.snowplow/tp2");
    }

    @Test
    void healthReadyAndMetricsAreTheRuntimesAnswersOnTheTrackerPort() {
        EmbeddedChannel ch = channel(Map.of());
        FullHttpResponse health = exchange(ch, request(HttpMethod.GET, "/health"));
        assertThat(health.status().code()).isEqualTo(200);
        assertThat(health.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo(MonitoringEndpoints.JSON);
        assertThat(body(health)).startsWith("{\"status\":\"UP\"");
        assertThat(exchange(ch, request(HttpMethod.GET, "/ready")).status().code()).isEqualTo(200);

        sink.healthy(false);
        FullHttpResponse ready = exchange(ch, request(HttpMethod.GET, "/ready"));
        assertThat(ready.status().code()).isEqualTo(503);
        assertThat(body(ready)).contains("\"kafka-sink\":{\"status\":\"DOWN\"");
        assertThat(exchange(ch, request(HttpMethod.GET, "/sink-health")).status().code()).isEqualTo(503);
        assertThat(exchange(ch, request(HttpMethod.GET, "/health")).status().code()).isEqualTo(200);

        exchange(ch, request(HttpMethod.GET, "/i"));
        FullHttpResponse metrics = exchange(ch, request(HttpMethod.GET, "/metrics"));
        assertThat(metrics.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo(MonitoringEndpoints.PROMETHEUS_TEXT);
        assertThat(body(metrics)).contains("http_requests_total{code=\"200\",endpoint=\"/i\",method=\"GET\"} 1.0",
                "http_requests_total{code=\"503\",endpoint=\"/ready\",method=\"GET\"} 1.0");
    }

    @Test
    void metricsCanBeSwitchedOffOnTheTrackerPort() {
        EmbeddedChannel ch = channel(Map.of("collector.metrics.enabled", false));
        assertThat(exchange(ch, request(HttpMethod.GET, "/metrics")).status().code()).isEqualTo(404);
        assertThat(exchange(ch, request(HttpMethod.GET, "/health")).status().code()).isEqualTo(200);
    }

    // --- CORS ---

    @Test
    void preflightAndTrackingResponsesAllowTheOriginWithCredentials() {
        EmbeddedChannel ch = channel(Map.of("collector.cors.access-control-max-age", "5 seconds"));
        FullHttpResponse preflight = exchange(ch, request(HttpMethod.OPTIONS, "/com.snowplowanalytics.snowplow/tp2",
                "Origin", "https://www.acme.com"));
        assertThat(preflight.status().code()).isEqualTo(200);
        assertThat(preflight.headers().get("Access-Control-Allow-Origin")).isEqualTo("https://www.acme.com");
        assertThat(preflight.headers().get("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(preflight.headers().get("Access-Control-Allow-Headers")).isEqualTo("Content-Type, SP-Anonymous");
        assertThat(preflight.headers().get("Access-Control-Max-Age")).isEqualTo("5");
        assertThat(preflight.headers().get("Vary")).isEqualTo("Origin");
        assertThat(preflight.headers().contains("Set-Cookie")).isFalse();

        FullHttpResponse withOrigin = exchange(ch, request(HttpMethod.GET, "/i", "Origin", "https://shop.acme.com"));
        assertThat(withOrigin.headers().get("Access-Control-Allow-Origin")).isEqualTo("https://shop.acme.com");
        assertThat(withOrigin.headers().get("Vary")).isEqualTo("Origin");
        assertThat(withOrigin.headers().get("P3P")).contains("policyref=\"/w3c/p3p.xml\"");
        FullHttpResponse without = exchange(ch, request(HttpMethod.GET, "/i"));
        assertThat(without.headers().get("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(sink.partitionKeys()).hasSize(2); // the preflight is not recorded
    }

    // --- cookies ---

    @Test
    void aNewVisitorGetsANuidCookieAndAReturningOneKeepsIts() {
        EmbeddedChannel ch = channel(Map.of("collector.cookie.domains", List.of("acme.com")));
        FullHttpResponse first = exchange(ch, request(HttpMethod.GET, "/i", "Origin", "https://www.acme.com"));
        String cookie = first.headers().get(HttpHeaderNames.SET_COOKIE);
        assertThat(cookie).startsWith("sp=").contains("Domain=acme.com", "Path=/", "Secure", "HTTPOnly", "SameSite=None");
        String nuid = cookie.substring(3, cookie.indexOf(';'));
        assertThat(sink.stored().get(0).getNetworkUserId()).isEqualTo(nuid);

        FullHttpResponse second = exchange(ch, request(HttpMethod.GET, "/i", "Cookie", "other=1; sp=" + nuid));
        assertThat(second.headers().get(HttpHeaderNames.SET_COOKIE)).startsWith("sp=" + nuid + ";");
        assertThat(sink.stored().get(1).getNetworkUserId()).isEqualTo(nuid);
    }

    @Test
    void doNotTrackAndAnonymousRequestsAreNotTraceable() {
        EmbeddedChannel ch = channel(Map.of("collector.do-not-track-cookie.enabled", true,
                "collector.do-not-track-cookie.name", "dnt", "collector.do-not-track-cookie.value", "yes|1",
                "collector.sink.use-ip-address-as-partition-key", true));
        FullHttpResponse dnt = exchange(ch, request(HttpMethod.GET, "/i", "Cookie", "dnt=yes"));
        assertThat(dnt.status().code()).isEqualTo(200);
        assertThat(dnt.headers().contains(HttpHeaderNames.SET_COOKIE)).isFalse();
        assertThat(sink.partitionKeys()).isEmpty();

        FullHttpResponse anonymous = exchange(ch, request(HttpMethod.GET, "/i", "SP-Anonymous", "*",
                "X-Forwarded-For", "203.0.113.9", "Cookie", "sp=c5f8a1a2-0000-4000-8000-000000000001"));
        assertThat(anonymous.status().code()).isEqualTo(200);
        CollectorPayload p = sink.stored().get(0);
        assertThat(p.getIpAddress()).isEqualTo("unknown");
        assertThat(p.getNetworkUserId()).isEqualTo("00000000-0000-0000-0000-000000000000");
        assertThat(p.getHeaders()).noneMatch(h -> h.startsWith("Cookie") || h.startsWith("X-Forwarded-For"));
        assertThat(sink.partitionKeys()).containsExactly(java.util.Optional.empty());

        exchange(ch, request(HttpMethod.GET, "/i", "X-Forwarded-For", "203.0.113.9"));
        assertThat(sink.partitionKeys().get(1)).hasValue("203.0.113.9");
    }

    @Test
    void cookieBounceRedirectsOnceThenRecordsTheFallbackNuid() {
        EmbeddedChannel ch = channel(Map.of("collector.cookie-bounce.enabled", true));
        FullHttpResponse bounce = exchange(ch, request(HttpMethod.GET, "/i?e=pv", "X-Forwarded-Proto", "https"));
        assertThat(bounce.status().code()).isEqualTo(302);
        assertThat(bounce.headers().get(HttpHeaderNames.LOCATION)).isEqualTo("https://collector.example/i?e=pv&n3pc=true");
        assertThat(bounce.headers().get(HttpHeaderNames.SET_COOKIE)).startsWith("sp=");
        assertThat(sink.partitionKeys()).isEmpty();

        FullHttpResponse back = exchange(ch, request(HttpMethod.GET, "/i?e=pv&n3pc=true"));
        assertThat(back.status().code()).isEqualTo(200);
        assertThat(sink.stored()).extracting(CollectorPayload::getNetworkUserId)
                .containsExactly("00000000-0000-4000-A000-000000000000");
    }

    // --- redirects ---

    @Test
    void redirectsGoOnlyToAllowedHostsWithTheNuidSubstituted() {
        EmbeddedChannel ch = channel(Map.of("collector.redirect.enabled", true,
                "collector.redirect.domains", List.of("shop.example.com"), "collector.redirect.macro.enabled", true));
        FullHttpResponse ok = exchange(ch, request(HttpMethod.GET,
                "/r/tp2?u=https%3A%2F%2Fshop.example.com%2Fp%3Fuid%3D%24%7BSP_NUID%7D",
                "Cookie", "sp=c5f8a1a2-0000-4000-8000-000000000001"));
        assertThat(ok.status().code()).isEqualTo(302);
        assertThat(ok.headers().get(HttpHeaderNames.LOCATION))
                .isEqualTo("https://shop.example.com/p?uid=c5f8a1a2-0000-4000-8000-000000000001");
        assertThat(sink.stored()).extracting(CollectorPayload::getPath).containsExactly("/r/tp2");

        for (String target : List.of("https%3A%2F%2Fevil.example%2F", "javascript%3Aalert(1)",
                "https%3A%2F%2Fshop.example.com%40evil.example%2F", "%2F%2Fevil.example")) {
            FullHttpResponse refused = exchange(ch, request(HttpMethod.GET, "/r/tp2?u=" + target));
            assertThat(refused.status().code()).as(target).isEqualTo(400);
            assertThat(refused.headers().contains(HttpHeaderNames.LOCATION)).isFalse();
        }
        assertThat(exchange(ch, request(HttpMethod.GET, "/r/tp2")).status().code()).isEqualTo(400);
        assertThat(sink.partitionKeys()).hasSize(1);
    }

    @Test
    void redirectsAreOffByDefault() {
        EmbeddedChannel ch = channel(Map.of());
        FullHttpResponse r = exchange(ch, request(HttpMethod.GET, "/r/tp2?u=https%3A%2F%2Fshop.example.com%2F"));
        assertThat(r.status().code()).isEqualTo(404);
        assertThat(body(r)).isEqualTo("redirects disabled");
        assertThat(sink.partitionKeys()).isEmpty();
    }

    // --- sink answers ---

    @Test
    void aSinkFailureOrAFullBufferIs503WithRetryAfter() {
        EmbeddedChannel ch = channel(Map.of("collector.sink.retry-after", "7 seconds"));
        sink.mode(Mode.FAIL);
        FullHttpResponse failed = exchange(ch, request(HttpMethod.GET, "/i"));
        assertThat(failed.status().code()).isEqualTo(503);
        assertThat(failed.headers().get(HttpHeaderNames.RETRY_AFTER)).isEqualTo("7");
        assertThat(body(failed)).contains("events not stored");
        sink.mode(Mode.FULL);
        FullHttpResponse full = exchange(ch, request(HttpMethod.GET, "/i"));
        assertThat(full.status().code()).isEqualTo(503);
        assertThat(body(full)).contains("sink buffer full");
        assertThat(ch.isOpen()).isTrue(); // keep-alive: the tracker retries on the same connection
        assertThat(sink.stored()).isEmpty();
    }

    // --- pipelining ---

    @Test
    void pipelinedAnswersLeaveInRequestOrderWhateverOrderTheSinkAcknowledgesIn() {
        EmbeddedChannel ch = channel(Map.of());
        sink.mode(Mode.HOLD);
        ch.writeInbound(withBody(HttpMethod.POST, "/com.snowplowanalytics.snowplow/tp2", "{}",
                "Content-Type", "application/json"));
        ch.writeInbound(request(HttpMethod.GET, "/robots.txt"));
        ch.writeInbound(request(HttpMethod.GET, "/i?n=3"));
        ch.runPendingTasks();
        assertThat(ch.<Object>readOutbound()).isNull(); // robots.txt is ready but waits for the POST

        List<InMemorySink.Pending> held = sink.pending();
        assertThat(held).hasSize(2);
        held.get(1).acknowledge(); // the pixel first
        ch.runPendingTasks();
        assertThat(ch.<Object>readOutbound()).isNull();

        held.get(0).acknowledge();
        ch.runPendingTasks();
        FullHttpResponse first = ch.readOutbound();
        FullHttpResponse second = ch.readOutbound();
        FullHttpResponse third = ch.readOutbound();
        assertThat(body(first)).isEqualTo("ok");
        assertThat(body(second)).startsWith("User-agent");
        assertThat(third.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("image/gif");
        assertThat(ch.<Object>readOutbound()).isNull();
    }

    @Test
    void aRequestBeyondThePipeliningLimitGets503AndTheConnectionCloses() {
        EmbeddedChannel ch = channel(Map.of("collector.networking.max-pipelined-requests", 2,
                "collector.sink.retry-after", "3 seconds"));
        sink.mode(Mode.HOLD);
        ch.writeInbound(request(HttpMethod.GET, "/i?n=1"));
        ch.writeInbound(request(HttpMethod.GET, "/i?n=2"));
        ch.writeInbound(request(HttpMethod.GET, "/i?n=3")); // over the limit
        ch.writeInbound(request(HttpMethod.GET, "/i?n=4")); // after the refusal: ignored
        ch.runPendingTasks();
        assertThat(sink.pending()).hasSize(2);

        sink.pending().forEach(InMemorySink.Pending::acknowledge);
        ch.runPendingTasks();
        assertThat(((FullHttpResponse) ch.readOutbound()).status().code()).isEqualTo(200);
        assertThat(((FullHttpResponse) ch.readOutbound()).status().code()).isEqualTo(200);
        FullHttpResponse refused = ch.readOutbound();
        assertThat(refused.status().code()).isEqualTo(503);
        assertThat(refused.headers().get(HttpHeaderNames.RETRY_AFTER)).isEqualTo("3");
        assertThat(refused.headers().get(HttpHeaderNames.CONNECTION)).isEqualTo("close");
        assertThat(ch.<Object>readOutbound()).isNull();
        assertThat(ch.isOpen()).isFalse();
        assertThat(sink.stored()).extracting(CollectorPayload::getQuerystring).containsExactly("n=1", "n=2");
        assertThat(registry.get("collector.limit.rejections").tag("limit", "pipelining").counter().count()).isEqualTo(1);
    }
}
