package dev.tributary.collector.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.collector.CollectorServer;
import dev.tributary.collector.CollectorTestKit;
import dev.tributary.schemas.avro.CollectorPayload;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every endpoint against a real broker: exact status, headers, cookie attributes and recorded payload. */
class EndpointsTest {

    static CollectorTestKit kit;

    @BeforeAll
    static void start() {
        kit = CollectorTestKit.start(Map.ofEntries(
                Map.entry("collector.cookie.domains", List.of("acme.com", "other.org")),
                Map.entry("collector.cookie.fallback-domain", "fallback.net"),
                Map.entry("collector.redirect.enabled", true),
                Map.entry("collector.redirect.domains", List.of("allowed.example")),
                Map.entry("collector.redirect.macro.enabled", true),
                Map.entry("collector.root-response.enabled", true),
                Map.entry("collector.root-response.status-code", 302),
                Map.entry("collector.root-response.headers", Map.of("Location", "https://acme.com/")),
                Map.entry("collector.root-response.body", "moved"),
                Map.entry("collector.cross-domain.enabled", true),
                Map.entry("collector.cross-domain.domains", List.of("*.acme.com")),
                Map.entry("collector.do-not-track-cookie.enabled", true),
                Map.entry("collector.do-not-track-cookie.name", "dnt"),
                Map.entry("collector.do-not-track-cookie.value", "yes|1"),
                Map.entry("collector.cors.access-control-max-age", "5 seconds")),
                "collector.paths { \"/com.acme/track\" = \"/com.snowplowanalytics.snowplow/tp2\" }");
    }

    @AfterAll
    static void stop() {
        if (kit != null) {
            kit.close();
        }
    }

    private static String marker() {
        return "m" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void pixelAnswersTheGifSetsTheCookieAndRecordsEveryField() {
        String m = marker();
        Instant before = Instant.now().minusMillis(1);
        HttpResponse<String> r = kit.get("/i?e=pv&p=web&tv=js-3.0.0&aid=" + m + "&url=https%3A%2F%2Facme.com%2F",
                "User-Agent", "test-agent/1.0", "Referer", "https://acme.com/page");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/gif");
        assertThat(r.body().getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(Responses.PIXEL).hasSize(43);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-cache, no-store, must-revalidate");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(r.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        // Even for "*": a cache must not reuse this answer for a request that carries an Origin.
        assertThat(r.headers().firstValue("Vary")).hasValue("Origin");
        assertThat(r.headers().firstValue("P3P"))
                .hasValue("policyref=\"/w3c/p3p.xml\", CP=\"NOI DSP COR NID PSA OUR IND COM NAV STA\"");
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        String nuid = cookie.substring("sp=".length(), cookie.indexOf(';'));
        assertThat(UUID.fromString(nuid).version()).isEqualTo(4);
        // No Origin: the fallback domain; Path=/ always (the R108 fix), 365 days.
        assertThat(cookie).contains("Max-Age=31536000", "Expires=", "Domain=fallback.net", "Path=/", "Secure",
                "HTTPOnly", "SameSite=None");

        List<CollectorPayload> recorded = kit.raw(m);
        assertThat(recorded).hasSize(1);
        CollectorPayload p = recorded.get(0);
        assertThat(p.getSchema$()).isEqualTo("iglu:com.snowplowanalytics.snowplow/CollectorPayload/thrift/1-0-0");
        assertThat(p.getIpAddress()).isEqualTo("127.0.0.1");
        assertThat(p.getTimestamp()).isBetween(before, Instant.now());
        assertThat(p.getEncoding()).isEqualTo("UTF-8");
        assertThat(p.getCollector()).isEqualTo("tributary-collector-" + CollectorServer.VERSION + "-kafka");
        assertThat(p.getUserAgent()).isEqualTo("test-agent/1.0");
        assertThat(p.getRefererUri()).isEqualTo("https://acme.com/page");
        assertThat(p.getPath()).isEqualTo("/i");
        assertThat(p.getQuerystring()).isEqualTo("e=pv&p=web&tv=js-3.0.0&aid=" + m + "&url=https%3A%2F%2Facme.com%2F");
        assertThat(p.getBody()).isNull();
        assertThat(p.getContentType()).isNull();
        assertThat(p.getHostname()).isEqualTo("localhost");
        assertThat(p.getNetworkUserId()).isEqualTo(nuid);
        assertThat(p.getHeaders()).contains("User-Agent: test-agent/1.0", "Referer: https://acme.com/page")
                .anyMatch(h -> h.startsWith("Host: localhost:"));
    }

    @Test
    void headOnIcePngIsRecordedWithItsOwnPath() {
        String m = marker();
        HttpResponse<String> r = kit.send(HttpRequest.newBuilder(URI.create(kit.collector.url() + "/ice.png?e=pv&aid=" + m))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/gif");
        assertThat(r.body()).isEmpty();
        assertThat(kit.raw(m)).singleElement().extracting(CollectorPayload::getPath).isEqualTo("/ice.png");
    }

    @Test
    void trackerPostAnswersOkAndKeepsTheBody() {
        String m = marker();
        String body = "{\"schema\":\"iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4\","
                + "\"data\":[{\"e\":\"pv\",\"p\":\"web\",\"tv\":\"js-3\",\"aid\":\"" + m + "\"}]}";
        HttpResponse<String> r = kit.post("/com.snowplowanalytics.snowplow/tp2?cv=x", "application/json; charset=UTF-8",
                body, "Origin", "https://shop.acme.com");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("ok");
        assertThat(r.headers().firstValue("Cache-Control")).isEmpty();
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://shop.acme.com");
        assertThat(r.headers().firstValue("Vary")).hasValue("Origin");
        assertThat(r.headers().firstValue("Set-Cookie").orElseThrow()).contains("Domain=acme.com");

        CollectorPayload p = kit.raw(m).get(0);
        assertThat(p.getBody()).isEqualTo(body);
        assertThat(p.getContentType()).isEqualTo("application/json; charset=utf-8");
        assertThat(p.getPath()).isEqualTo("/com.snowplowanalytics.snowplow/tp2");
        assertThat(p.getQuerystring()).isEqualTo("cv=x");
    }

    @Test
    void vendorGetAnswersThePixelAndCustomPathsRecordTheMappedPath() {
        String m = marker();
        HttpResponse<String> webhook = kit.get("/com.acme/v1?aid=" + m);
        assertThat(webhook.statusCode()).isEqualTo(200);
        assertThat(webhook.headers().firstValue("Content-Type")).hasValue("image/gif");
        assertThat(kit.raw(m)).singleElement().extracting(CollectorPayload::getPath).isEqualTo("/com.acme/v1");

        String m2 = marker();
        HttpResponse<String> mapped = kit.post("/com.acme/track", "application/json",
                "{\"schema\":\"s\",\"data\":[{\"aid\":\"" + m2 + "\"}]}");
        assertThat(mapped.statusCode()).isEqualTo(200);
        assertThat(mapped.body()).isEqualTo("ok");
        assertThat(kit.raw(m2)).singleElement().extracting(CollectorPayload::getPath)
                .isEqualTo("/com.snowplowanalytics.snowplow/tp2");
    }

    @Test
    void clickRedirectRecordsTheClickAndReplacesTheNuidMacro() {
        String m = marker();
        String nuid = UUID.randomUUID().toString();
        String target = "https://allowed.example/landing?uid=${SP_NUID}&" + m;
        HttpResponse<String> r = kit.get("/r/tp2?e=se&u=" + java.net.URLEncoder.encode(target, StandardCharsets.UTF_8),
                "Cookie", "sp=" + nuid);
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValue("https://allowed.example/landing?uid=" + nuid + "&" + m);
        assertThat(r.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("sp=" + nuid + ";");
        CollectorPayload p = kit.raw(m).get(0);
        assertThat(p.getPath()).isEqualTo("/r/tp2");
        assertThat(p.getNetworkUserId()).isEqualTo(nuid);
    }

    @Test
    void clickRedirectWithoutTargetOrToAnotherDomainIs400AndNotRecorded() {
        String m = marker();
        assertThat(kit.get("/r/tp2?e=se&aid=" + m).statusCode()).isEqualTo(400);
        assertThat(kit.get("/r/tp2?aid=" + m + "&u=https%3A%2F%2Fevil.example%2F").statusCode()).isEqualTo(400);
        assertThat(kit.raw(m)).isEmpty();
    }

    @Test
    void clickRedirectBypassesAreRefusedAndNotRecorded() {
        String m = marker();
        String[] targets = {
                "https://evil.example%5C@allowed.example/",
                "https://evil.example\\@allowed.example/",
                "https://allowed.example@evil.example/",
                "javascript:alert(document.domain)//allowed.example",
                // The nuid macro is substituted before the check, so a nuid cannot smuggle a host in.
                "https://${SP_NUID}/landing",
                "https://allowed.example${SP_NUID}/"};
        String[] nuids = {"evil.example", "@evil.example"};
        for (String target : targets) {
            for (String nuid : nuids) {
                HttpResponse<String> r = kit.get("/r/tp2?e=se&aid=" + m + "&nuid=" + java.net.URLEncoder.encode(nuid,
                        StandardCharsets.UTF_8) + "&u=" + java.net.URLEncoder.encode(target, StandardCharsets.UTF_8));
                assertThat(r.statusCode()).as(target + " with nuid " + nuid).isEqualTo(400);
                assertThat(r.headers().firstValue("Location")).isEmpty();
            }
        }
        assertThat(kit.raw(m)).isEmpty();

        String ok = marker();
        HttpResponse<String> allowed = kit.get("/r/tp2?e=se&aid=" + ok + "&u="
                + java.net.URLEncoder.encode("https://allowed.example/ok?" + ok, StandardCharsets.UTF_8));
        assertThat(allowed.statusCode()).isEqualTo(302);
        assertThat(allowed.headers().firstValue("Location")).hasValue("https://allowed.example/ok?" + ok);
        assertThat(kit.raw(ok)).hasSize(1);
    }

    @Test
    void preflightEchoesTheOriginAndAllowsTheAnonymousHeader() {
        HttpResponse<String> r = kit.send(HttpRequest.newBuilder(URI.create(kit.collector.url()
                        + "/com.snowplowanalytics.snowplow/tp2"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://www.acme.com").build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://www.acme.com");
        assertThat(r.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(r.headers().firstValue("Access-Control-Allow-Headers")).hasValue("Content-Type, SP-Anonymous");
        assertThat(r.headers().firstValue("Access-Control-Max-Age")).hasValue("5");
        assertThat(r.headers().firstValue("Vary")).hasValue("Origin");
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void serviceEndpoints() {
        assertThat(kit.get("/health")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).startsWith("{\"status\":\"UP\"");
        });
        assertThat(kit.get("/ready")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"kafka-sink\":{\"status\":\"UP\"");
        });
        assertThat(kit.get("/sink-health").statusCode()).isEqualTo(200);
        assertThat(kit.get("/robots.txt").body()).isEqualTo("User-agent: *\nDisallow: /\n");
        HttpResponse<String> xml = kit.get("/crossdomain.xml");
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.body()).contains("<allow-access-from domain=\"*.acme.com\" secure=\"true\" />");
        HttpResponse<String> root = kit.get("/");
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValue("https://acme.com/");
        assertThat(root.body()).isEqualTo("moved");
        HttpResponse<String> unknown = kit.get("/a/b/c");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("404 not found");
        assertThat(kit.send(HttpRequest.newBuilder(URI.create(kit.collector.url() + "/i"))
                .PUT(HttpRequest.BodyPublishers.ofString("x")).build()).statusCode()).isEqualTo(404);
    }

    @Test
    void nuidComesFromTheQueryThenTheCookie() {
        String m = marker();
        String fromCookie = UUID.randomUUID().toString();
        String fromQuery = UUID.randomUUID().toString();
        HttpResponse<String> both = kit.get("/i?aid=" + m + "&nuid=" + fromQuery, "Cookie", "sp=" + fromCookie);
        assertThat(both.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("sp=" + fromQuery + ";");
        String m2 = marker();
        kit.get("/i?aid=" + m2, "Cookie", "other=1; sp=" + fromCookie);
        assertThat(kit.raw(m).get(0).getNetworkUserId()).isEqualTo(fromQuery);
        assertThat(kit.raw(m2).get(0).getNetworkUserId()).isEqualTo(fromCookie);
    }

    @Test
    void cookieDomainFollowsTheOriginAmongConfiguredDomains() {
        assertThat(kit.get("/i", "Origin", "https://www.other.org").headers().firstValue("Set-Cookie").orElseThrow())
                .contains("Domain=other.org");
        assertThat(kit.get("/i", "Origin", "https://acme.com:8443").headers().firstValue("Set-Cookie").orElseThrow())
                .contains("Domain=acme.com");
        // "notacme.com" is not a sub-domain of acme.com.
        assertThat(kit.get("/i", "Origin", "https://notacme.com").headers().firstValue("Set-Cookie").orElseThrow())
                .contains("Domain=fallback.net");
    }

    @Test
    void doNotTrackCookieRecordsNothingAndSetsNoCookie() {
        String m = marker();
        HttpResponse<String> r = kit.get("/i?aid=" + m, "Cookie", "dnt=yes; sp=" + UUID.randomUUID());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body().getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(Responses.PIXEL);
        assertThat(r.headers().allValues("Set-Cookie")).isEmpty();
        // The regex must match the whole value.
        String m2 = marker();
        kit.get("/i?aid=" + m2, "Cookie", "dnt=no");
        assertThat(kit.raw(m)).isEmpty();
        assertThat(kit.raw(m2)).hasSize(1);
    }

    @Test
    void anonymousHeaderDropsIpCookieAndForwardingHeaders() {
        String m = marker();
        HttpResponse<String> r = kit.get("/i?aid=" + m, "SP-Anonymous", "*", "Cookie", "sp=abc",
                "X-Forwarded-For", "203.0.113.9", "X-Real-Ip", "203.0.113.9", "Forwarded", "for=203.0.113.9",
                "True-Client-IP", "203.0.113.9", "CF-Connecting-IP", "203.0.113.9");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("sp=;").contains("Max-Age=0");
        CollectorPayload p = kit.raw(m).get(0);
        assertThat(p.getIpAddress()).isEqualTo("unknown");
        assertThat(p.getNetworkUserId()).isEqualTo("00000000-0000-0000-0000-000000000000");
        assertThat(p.getHeaders()).noneMatch(h -> h.toLowerCase().startsWith("x-forwarded-for")
                || h.toLowerCase().startsWith("x-real-ip") || h.toLowerCase().startsWith("cookie")
                || h.toLowerCase().startsWith("forwarded") || h.toLowerCase().startsWith("true-client-ip")
                || h.toLowerCase().startsWith("cf-connecting-ip"));
        assertThat(String.join("\n", p.getHeaders())).doesNotContain("203.0.113.9");
        assertThat(p.getHeaders()).contains("SP-Anonymous: *");
    }

    @Test
    void clientIpPrefersForwardingHeadersAndKeepsThemInTheHeaders() {
        String m = marker();
        kit.get("/i?aid=" + m, "X-Forwarded-For", "203.0.113.7, 10.0.0.1");
        String m2 = marker();
        kit.get("/i?aid=" + m2, "Forwarded", "for=\"[2001:db8::1]:4711\";proto=https");
        assertThat(kit.raw(m).get(0).getIpAddress()).isEqualTo("203.0.113.7");
        assertThat(kit.raw(m).get(0).getHeaders()).contains("X-Forwarded-For: 203.0.113.7, 10.0.0.1");
        assertThat(kit.raw(m2).get(0).getIpAddress()).isEqualTo("2001:db8::1");
    }

    @Test
    void metricsCountRequestsByEndpointMethodAndStatus() {
        kit.get("/i");
        kit.get("/nope/nope/nope");
        String metrics = kit.get("/metrics").body();
        assertThat(metrics).containsPattern("http_requests_total\\{code=\"200\",endpoint=\"/i\",method=\"GET\"} [1-9]");
        assertThat(metrics).containsPattern("http_requests_total\\{code=\"404\",endpoint=\"not_found\",method=\"GET\"} [1-9]");
        assertThat(metrics).contains("http_request_duration_seconds_bucket", "collector_sink_healthy 1.0",
                "collector_raw_records_total", "kafka_producer_buffer_available_bytes");
    }

    @Test
    void cookieBounceRedirectsOnceThenFallsBackWhenTheBrowserRefusesCookies() {
        try (CollectorServer bouncing = CollectorServer.start(CollectorTestKit.config(kit.kafka.bootstrapServers(),
                kit.registry.url(), Map.of(
                        "collector.cookie-bounce.enabled", true,
                        "collector.cookie.path", "/tracking",
                        "collector.cookie.same-site", "Lax",
                        "collector.cookie.secure", false,
                        "collector.cookie.http-only", false)))) {
            String m = marker();
            HttpResponse<String> first = kit.send(HttpRequest.newBuilder(
                    URI.create(bouncing.url() + "/i?e=pv&aid=" + m)).header("X-Forwarded-Proto", "https").build());
            assertThat(first.statusCode()).isEqualTo(302);
            assertThat(first.headers().firstValue("Location"))
                    .hasValue("https://localhost:" + bouncing.port() + "/i?e=pv&aid=" + m + "&n3pc=true");
            String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
            // The configurable path (R108), and the other attributes exactly as configured.
            assertThat(cookie).contains("Path=/tracking", "SameSite=Lax").doesNotContain("Secure", "HTTPOnly");
            assertThat(kit.raw(m)).isEmpty();

            HttpResponse<String> bounced = kit.send(HttpRequest.newBuilder(
                    URI.create(bouncing.url() + "/i?e=pv&aid=" + m + "&n3pc=true")).build());
            assertThat(bounced.statusCode()).isEqualTo(200);
            assertThat(kit.raw(m)).singleElement().extracting(CollectorPayload::getNetworkUserId)
                    .isEqualTo("00000000-0000-4000-A000-000000000000");

            // With the cookie there is no bounce; POSTs are never bounced.
            String m2 = marker();
            assertThat(kit.send(HttpRequest.newBuilder(URI.create(bouncing.url() + "/i?aid=" + m2))
                    .header("Cookie", "sp=abc").build()).statusCode()).isEqualTo(200);
            assertThat(kit.send(HttpRequest.newBuilder(URI.create(bouncing.url() + "/com.snowplowanalytics.snowplow/tp2"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"aid\":\"" + m2 + "\"}")).build()).statusCode())
                    .isEqualTo(200);
            assertThat(kit.raw(m2)).hasSize(2);
        }
    }
}
