package dev.tributary.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.snowplowanalytics.snowplow.tracker.Tracker;
import com.snowplowanalytics.snowplow.tracker.configuration.EmitterConfiguration;
import com.snowplowanalytics.snowplow.tracker.configuration.NetworkConfiguration;
import com.snowplowanalytics.snowplow.tracker.configuration.TrackerConfiguration;
import com.snowplowanalytics.snowplow.tracker.emitter.BatchEmitter;
import com.snowplowanalytics.snowplow.tracker.events.PageView;
import com.snowplowanalytics.snowplow.tracker.events.SelfDescribing;
import com.snowplowanalytics.snowplow.tracker.events.Structured;
import com.snowplowanalytics.snowplow.tracker.http.AbstractHttpClientAdapter;
import com.snowplowanalytics.snowplow.tracker.payload.SelfDescribingJson;
import dev.tributary.schemas.avro.CollectorPayload;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real trackers' requests arrive on the raw topic with every parameter intact. */
class TrackerCompatibilityTest {

    static CollectorTestKit kit;
    static final ObjectMapper JSON = new ObjectMapper();

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

    /** The tracker's HTTP transport on the JDK client (its OkHttp/Apache adapters are optional dependencies). */
    static final class JdkHttpAdapter extends AbstractHttpClientAdapter {
        private final HttpClient client = HttpClient.newHttpClient();

        JdkHttpAdapter(String url) {
            super(url);
        }

        @Override
        public Object getHttpClient() {
            return client;
        }

        @Override
        protected int doPost(String url, String payload) {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(payload)).build());
        }

        @Override
        protected int doGet(String url) {
            return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
        }

        private int send(HttpRequest request) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
                return -1;
            }
        }
    }

    @Test
    void javaTrackerEventsArriveWithTheirParameters() throws Exception {
        String appId = "app-" + UUID.randomUUID();
        BatchEmitter emitter = new BatchEmitter(
                new NetworkConfiguration(new JdkHttpAdapter("http://127.0.0.1:" + kit.collector.port())),
                new EmitterConfiguration().batchSize(4));
        Tracker tracker = new Tracker(new TrackerConfiguration("ns1", appId), emitter);

        SelfDescribingJson context = new SelfDescribingJson("iglu:com.acme/user_context/jsonschema/1-0-0",
                Map.of("tier", "gold"));
        Map<String, String> expectedKind = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            List<String> pv = tracker.track(PageView.builder().pageUrl("https://acme.com/p" + i).pageTitle("Page " + i)
                    .customContext(List.of(context)).build());
            pv.forEach(id -> expectedKind.put(id, "pv"));
            List<String> se = tracker.track(Structured.builder().category("shop").action("add").label("sku-" + i)
                    .value(2.5).build());
            se.forEach(id -> expectedKind.put(id, "se"));
            List<String> ue = tracker.track(SelfDescribing.builder().eventData(new SelfDescribingJson(
                    "iglu:com.acme/clicked/jsonschema/1-0-0", Map.of("n", i))).customContext(List.of(context)).build());
            ue.forEach(id -> expectedKind.put(id, "ue"));
            ids.addAll(pv);
            ids.addAll(se);
            ids.addAll(ue);
        }
        emitter.flushBuffer();

        await().atMost(Duration.ofSeconds(30)).until(() -> events(appId).size() >= ids.size());
        tracker.close();

        Map<String, JsonNode> events = events(appId);
        assertThat(events.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        for (Map.Entry<String, JsonNode> e : events.entrySet()) {
            JsonNode event = e.getValue();
            assertThat(event.get("e").asText()).isEqualTo(expectedKind.get(e.getKey()));
            assertThat(event.get("tna").asText()).isEqualTo("ns1");
            assertThat(event.get("p").asText()).isEqualTo("srv");
            assertThat(event.get("tv").asText()).startsWith("java-1.0.1");
            switch (event.get("e").asText()) {
                case "pv" -> {
                    assertThat(event.get("url").asText()).startsWith("https://acme.com/p");
                    assertThat(event.get("page").asText()).startsWith("Page ");
                    assertThat(decode(event.get("cx").asText()).at("/data/0/data/tier").asText()).isEqualTo("gold");
                }
                case "se" -> {
                    assertThat(event.get("se_ca").asText()).isEqualTo("shop");
                    assertThat(event.get("se_ac").asText()).isEqualTo("add");
                    assertThat(event.get("se_la").asText()).startsWith("sku-");
                    assertThat(Double.parseDouble(event.get("se_va").asText())).isEqualTo(2.5);
                }
                default -> {
                    JsonNode ue = decode(event.get("ue_px").asText());
                    assertThat(ue.get("schema").asText())
                            .isEqualTo("iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0");
                    assertThat(ue.at("/data/schema").asText()).isEqualTo("iglu:com.acme/clicked/jsonschema/1-0-0");
                    assertThat(decode(event.get("cx").asText()).at("/data/0/schema").asText())
                            .isEqualTo("iglu:com.acme/user_context/jsonschema/1-0-0");
                }
            }
        }
    }

    @Test
    void javascriptTrackerStyleGetArrivesIntact() throws Exception {
        String eid = UUID.randomUUID().toString();
        String contexts = "{\"schema\":\"iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-0\",\"data\":"
                + "[{\"schema\":\"iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0\","
                + "\"data\":{\"id\":\"" + eid + "\"}}]}";
        String cx = Base64.getUrlEncoder().withoutPadding().encodeToString(contexts.getBytes(StandardCharsets.UTF_8));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("stm", "1700000000123");
        params.put("e", "pv");
        params.put("url", "https://shop.acme.com/cart?x=1&y=é");
        params.put("page", "Cart – ACME");
        params.put("tv", "js-3.17.0");
        params.put("tna", "sp1");
        params.put("aid", "shop");
        params.put("p", "web");
        params.put("res", "1920x1080");
        params.put("eid", eid);
        params.put("cx", cx);
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(query.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20")));

        HttpResponse<String> r = kit.get("/i?" + query, "Origin", "https://shop.acme.com",
                "User-Agent", "Mozilla/5.0 (X11; Linux x86_64)");
        assertThat(r.statusCode()).isEqualTo(200);

        List<CollectorPayload> recorded = kit.raw(eid);
        assertThat(recorded).hasSize(1);
        CollectorPayload p = recorded.get(0);
        assertThat(p.getQuerystring()).isEqualTo(query.toString());
        assertThat(p.getUserAgent()).isEqualTo("Mozilla/5.0 (X11; Linux x86_64)");
        // Decoding what was recorded gives back exactly what the tracker encoded.
        Map<String, String> decoded = new LinkedHashMap<>();
        for (String pair : p.getQuerystring().split("&")) {
            String[] kv = pair.split("=", 2);
            decoded.put(kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        assertThat(decoded).isEqualTo(params);
        assertThat(decode(decoded.get("cx")).at("/data/0/data/id").asText()).isEqualTo(eid);
    }

    private static JsonNode decode(String base64url) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(base64url));
    }

    /** Events of the raw topic for this app id, by event id. */
    private static Map<String, JsonNode> events(String appId) throws Exception {
        Map<String, JsonNode> out = new HashMap<>();
        for (CollectorPayload p : kit.raw(appId)) {
            assertThat(p.getPath()).isEqualTo("/com.snowplowanalytics.snowplow/tp2");
            JsonNode body = JSON.readTree(p.getBody());
            assertThat(body.get("schema").asText()).startsWith("iglu:com.snowplowanalytics.snowplow/payload_data/");
            for (JsonNode event : body.get("data")) {
                if (appId.equals(event.path("aid").asText())) {
                    out.put(event.get("eid").asText(), event);
                }
            }
        }
        return out;
    }
}
