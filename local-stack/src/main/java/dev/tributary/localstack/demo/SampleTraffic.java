package dev.tributary.localstack.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A realistic sample of tracker traffic for a small shop, generated from a seed: web visitors (several browsers and
 * phones) arriving from search, social, other pages of the site or directly, some through campaign URLs, who view
 * pages, scroll (page pings), add to basket (structured events) and click links ({@code link_click}); app users whose
 * screen views carry a {@code mobile_context}; and a few deliberately broken requests. Every web event carries a
 * {@code web_page} context. The seed fixes the shape (who, which pages, which transport); event ids come from
 * {@code ids} (random by default, as trackers make them), so a rerun with the same seed loads new events.
 */
public final class SampleTraffic {

    static final String TP2 = "/com.snowplowanalytics.snowplow/tp2";
    static final String WEB_APP = "demo-shop";
    static final String MOBILE_APP = "demo-shop-app";
    static final String SITE = "https://shop.example.com";

    static final String PAYLOAD_DATA = "iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4";
    static final String CONTEXTS = "iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-1";
    static final String UNSTRUCT = "iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0";
    static final String WEB_PAGE = "iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0";
    static final String LINK_CLICK = "iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1";
    static final String SCREEN_VIEW = "iglu:com.snowplowanalytics.mobile/screen_view/jsonschema/1-0-0";
    static final String MOBILE_CONTEXT = "iglu:com.snowplowanalytics.snowplow/mobile_context/jsonschema/1-0-2";

    /** Warehouse tables of the entities above ({@code <vendor>_<name>_<model>}, as the shredder names them). */
    static final String WEB_PAGE_TABLE = "com_snowplowanalytics_snowplow_web_page_1";
    static final String LINK_CLICK_TABLE = "com_snowplowanalytics_snowplow_link_click_1";
    static final String SCREEN_VIEW_TABLE = "com_snowplowanalytics_mobile_screen_view_1";
    static final String MOBILE_CONTEXT_TABLE = "com_snowplowanalytics_snowplow_mobile_context_1";
    static final String YAUAA_TABLE = "nl_basjes_yauaa_context_1";

    private enum Broken { INVALID_JSON, SCHEMA_VIOLATION, OVERSIZED_BODY }

    /** Broken requests in every sample, whatever its size, in this order: each kind shows up in the bad rows. */
    private static final List<Broken> BROKEN_ORDER = List.of(Broken.INVALID_JSON, Broken.SCHEMA_VIOLATION,
            Broken.OVERSIZED_BODY, Broken.SCHEMA_VIOLATION, Broken.INVALID_JSON);
    /** Above the collector's default networking.max-payload-size (1 MiB), below drop-payload-size (2 MiB). */
    static final int OVERSIZED_BYTES = 1_200_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Browser(String userAgent, String resolution) {
    }

    private record App(String userAgent, String trackerVersion, String osType, String osVersion, String manufacturer,
                       String model) {
    }

    private static final List<Browser> BROWSERS = List.of(
            new Browser("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                    + "Chrome/120.0.0.0 Safari/537.36", "1920x1080"),
            new Browser("Mozilla/5.0 (Macintosh; Intel Mac OS X 14.2; rv:121.0) Gecko/20100101 Firefox/121.0",
                    "1440x900"),
            new Browser("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                    + "Version/17.2 Safari/605.1.15", "2560x1440"),
            new Browser("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                    + "Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91", "1366x768"),
            new Browser("Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
                    + "Gecko) Version/17.2 Mobile/15E148 Safari/604.1", "390x844"),
            new Browser("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                    + "Chrome/120.0.6099.144 Mobile Safari/537.36", "412x915"));

    private static final List<App> APPS = List.of(
            new App("Dalvik/2.1.0 (Linux; U; Android 14; Pixel 8 Build/UQ1A.240205.004)", "andr-5.4.1", "android",
                    "14", "Google", "Pixel 8"),
            new App("DemoShop/3.2.1 CFNetwork/1490.0.4 Darwin/23.2.0", "ios-5.4.1", "ios", "17.2", "Apple",
                    "iPhone15,2"),
            new App("Dalvik/2.1.0 (Linux; U; Android 13; SM-S911B Build/TP1A.220624.014)", "andr-5.4.1", "android",
                    "13", "samsung", "SM-S911B"));

    private static final List<String> PAGES = List.of("/", "/products/trail-runner-2", "/products/city-sneaker",
            "/category/running", "/cart", "/checkout", "/blog/how-to-choose-running-shoes");
    private static final List<String> SEARCH = List.of("https://www.google.com/search?q=trail+running+shoes",
            "https://www.bing.com/search?q=city+sneakers", "https://duckduckgo.com/?q=running+shoes+review");
    private static final List<String> SOCIAL = List.of("https://t.co/x7Qk2", "https://www.facebook.com/",
            "https://www.linkedin.com/feed/", "https://www.reddit.com/r/running/");
    private static final List<String> CAMPAIGNS = List.of(
            "utm_source=newsletter&utm_medium=email&utm_campaign=winter-sale",
            "utm_source=facebook&utm_medium=social&utm_campaign=trail-launch&utm_content=carousel",
            "utm_source=google&utm_medium=cpc&utm_campaign=brand&utm_term=running+shoes");
    private static final List<String> SCREENS = List.of("Home", "Search", "Product", "Basket", "Checkout", "Orders");

    private final Random random;
    private final Supplier<UUID> ids;
    private final Instant start;
    private final List<TrackerRequest> requests = new ArrayList<>();
    private final Map<String, Integer> entityRows = new LinkedHashMap<>();
    private int goodEvents;
    private int eventsSent;

    private SampleTraffic(long seed, Supplier<UUID> ids, Instant start) {
        this.random = new Random(seed);
        this.ids = ids;
        this.start = start;
    }

    /** The requests of a sample with {@code events} good events (at least 1), and what they must produce. */
    public static Sample generate(long seed, int events, Supplier<UUID> ids, Instant start) {
        if (events < 1) {
            throw new IllegalArgumentException("events: expected a positive number of events, got " + events);
        }
        SampleTraffic traffic = new SampleTraffic(seed, ids, start);
        traffic.visits(events);
        return traffic.sample();
    }

    /** The generated requests in the order they are sent, and the counts each stage must reach. */
    public record Sample(List<TrackerRequest> requests, Expectation expected) {
        public Sample {
            requests = List.copyOf(requests);
        }
    }

    private Sample sample() {
        entityRows.put(YAUAA_TABLE, goodEvents); // the YAUAA enrichment adds its context to every event with a UA
        // Enrich files a tp2 body that is not JSON as tracker_protocol_violations and an event failing its schema as
        // schema_violations; the collector turns the oversized request into size_violation and records nothing raw.
        Map<String, Integer> bad = new LinkedHashMap<>();
        for (Broken kind : BROKEN_ORDER) {
            bad.merge(switch (kind) {
                case INVALID_JSON -> "tracker_protocol_violations";
                case SCHEMA_VIOLATION -> "schema_violations";
                case OVERSIZED_BODY -> "size_violation";
            }, 1, Integer::sum);
        }
        int rawRecords = requests.size() - bad.get("size_violation");
        return new Sample(requests, new Expectation(requests.size(), rawRecords, goodEvents, bad, entityRows));
    }

    private void visits(int events) {
        // Broken requests are spread through the traffic at seeded points, as they would be in real life.
        int brokenAt = Math.max(1, events / (BROKEN_ORDER.size() + 1));
        int nextBroken = brokenAt;
        int broken = 0;
        boolean appUsed = false;
        while (goodEvents < events) {
            // About one session in five is in the app; at least one past half-way, so every sample shows some.
            if (random.nextInt(5) == 0 || !appUsed && goodEvents >= events / 2) {
                appUsed = true;
                appSession(events);
            } else {
                webVisit(events);
            }
            while (goodEvents >= nextBroken && broken < BROKEN_ORDER.size()) {
                brokenRequest(broken++);
                nextBroken += brokenAt;
            }
        }
        while (broken < BROKEN_ORDER.size()) {
            brokenRequest(broken++);
        }
    }

    private void webVisit(int limit) {
        Browser browser = pick(BROWSERS);
        String userId = seededUuid().toString();
        String sessionId = seededUuid().toString();
        String referrer = landingReferrer();
        int pages = 1 + random.nextInt(3);
        for (int p = 0; p < pages && goodEvents < limit; p++) {
            String url = SITE + pick(PAGES);
            if (p == 0 && random.nextInt(3) == 0) {
                url += "?" + pick(CAMPAIGNS);
            }
            String pageViewId = seededUuid().toString();
            String title = "Demo Shop - " + url.substring(SITE.length());
            List<Map<String, String>> pageEvents = new ArrayList<>();
            pageEvents.add(webEvent("pv", browser, userId, sessionId, url, referrer, title));
            int pings = random.nextInt(4);
            for (int i = 0; i < pings; i++) {
                Map<String, String> ping = webEvent("pp", browser, userId, sessionId, url, referrer, title);
                ping.put("pp_mix", "0");
                ping.put("pp_max", Integer.toString(random.nextInt(40)));
                ping.put("pp_miy", Integer.toString(random.nextInt(200)));
                ping.put("pp_may", Integer.toString(200 + random.nextInt(2400)));
                pageEvents.add(ping);
            }
            if (random.nextInt(3) == 0) {
                Map<String, String> basket = webEvent("se", browser, userId, sessionId, url, referrer, title);
                basket.put("se_ca", "basket");
                basket.put("se_ac", random.nextBoolean() ? "add" : "remove");
                basket.put("se_la", "sku-" + (100 + random.nextInt(20)));
                basket.put("se_pr", "size-" + (38 + random.nextInt(8)));
                basket.put("se_va", (49 + random.nextInt(100)) + ".99");
                pageEvents.add(basket);
            }
            boolean clicked = random.nextInt(3) == 0;
            if (clicked) {
                Map<String, String> click = webEvent("ue", browser, userId, sessionId, url, referrer, title);
                click.put("ue_pr", json(selfDescribing(UNSTRUCT, selfDescribing(LINK_CLICK, JSON.createObjectNode()
                        .put("targetUrl", random.nextBoolean() ? SITE + pick(PAGES) : "https://partner.example.org/deal")
                        .put("elementId", "link-" + random.nextInt(10))))));
                pageEvents.add(click);
            }
            pageEvents = pageEvents.subList(0, Math.min(pageEvents.size(), limit - goodEvents));
            for (Map<String, String> event : pageEvents) {
                event.put("co", json(selfDescribing(CONTEXTS, JSON.createArrayNode()
                        .add(selfDescribing(WEB_PAGE, JSON.createObjectNode().put("id", pageViewId))))));
                goodEvents++;
                count(WEB_PAGE_TABLE);
                if ("ue".equals(event.get("e"))) {
                    count(LINK_CLICK_TABLE);
                }
            }
            send(pageEvents, browser.userAgent(), url);
            referrer = url; // the next page's referrer is this one: internal traffic
        }
    }

    private void appSession(int limit) {
        App app = pick(APPS);
        String userId = seededUuid().toString();
        String sessionId = seededUuid().toString();
        int screens = Math.min(1 + random.nextInt(4), limit - goodEvents);
        List<Map<String, String>> events = new ArrayList<>();
        String previous = null;
        for (int i = 0; i < screens; i++) {
            String screen = pick(SCREENS);
            ObjectNode view = JSON.createObjectNode().put("name", screen).put("id", seededUuid().toString())
                    .put("type", "default");
            if (previous != null) {
                view.put("previousName", previous);
            }
            previous = screen;
            Map<String, String> event = baseEvent("ue", "mob", app.trackerVersion(), MOBILE_APP, userId, sessionId);
            event.put("ue_pr", json(selfDescribing(UNSTRUCT, selfDescribing(SCREEN_VIEW, view))));
            event.put("co", json(selfDescribing(CONTEXTS, JSON.createArrayNode().add(selfDescribing(MOBILE_CONTEXT,
                    JSON.createObjectNode().put("osType", app.osType()).put("osVersion", app.osVersion())
                            .put("deviceManufacturer", app.manufacturer()).put("deviceModel", app.model())
                            .put("networkType", random.nextBoolean() ? "wifi" : "mobile")
                            .put("batteryLevel", 20 + random.nextInt(80)))))));
            events.add(event);
            goodEvents++;
            count(SCREEN_VIEW_TABLE);
            count(MOBILE_CONTEXT_TABLE);
        }
        // Mobile trackers batch: one POST for the session.
        requests.add(TrackerRequest.post(TP2, payload(events), "application/json; charset=utf-8", app.userAgent(),
                null));
    }

    private void brokenRequest(int index) {
        Browser browser = pick(BROWSERS);
        switch (BROKEN_ORDER.get(index)) {
            case INVALID_JSON -> {
                // A body cut short, as a tracker killed mid-request might leave it.
                String full = payload(List.of(baseEvent("pv", "web", "js-3.17.0", WEB_APP, seededUuid().toString(),
                        seededUuid().toString())));
                requests.add(TrackerRequest.post(TP2, full.substring(0, full.length() / 2),
                        "application/json; charset=UTF-8", browser.userAgent(), SITE + "/"));
            }
            case SCHEMA_VIOLATION -> {
                // A link_click without its required targetUrl: valid JSON, invalid against the schema.
                Map<String, String> click = baseEvent("ue", "web", "js-3.17.0", WEB_APP, seededUuid().toString(),
                        seededUuid().toString());
                click.put("url", SITE + "/");
                click.put("ue_px", base64(json(selfDescribing(UNSTRUCT, selfDescribing(LINK_CLICK,
                        JSON.createObjectNode().put("elementId", "broken-link"))))));
                requests.add(TrackerRequest.get("/i?" + query(click), browser.userAgent(), SITE + "/"));
            }
            case OVERSIZED_BODY -> {
                // A structured event with a label too big for any Kafka record: a size_violation from the collector.
                Map<String, String> huge = baseEvent("se", "web", "js-3.17.0", WEB_APP, seededUuid().toString(),
                        seededUuid().toString());
                huge.put("se_ca", "oversized");
                huge.put("se_ac", "paste");
                huge.put("se_la", "x".repeat(OVERSIZED_BYTES));
                requests.add(TrackerRequest.post(TP2, payload(List.of(huge)), "application/json; charset=UTF-8",
                        browser.userAgent(), SITE + "/"));
            }
        }
    }

    /** A page's events: one request each through the pixel, or one tp2 batch, as the tracker is configured. */
    private void send(List<Map<String, String>> events, String userAgent, String pageUrl) {
        if (events.isEmpty()) {
            return;
        }
        if (random.nextBoolean()) {
            for (Map<String, String> event : events) {
                // The pixel carries contexts and self-describing events base64url-encoded, as the JS tracker does.
                Map<String, String> params = new LinkedHashMap<>(event);
                encode(params, "co", "cx");
                encode(params, "ue_pr", "ue_px");
                requests.add(TrackerRequest.get("/i?" + query(params), userAgent, pageUrl));
            }
        } else {
            requests.add(TrackerRequest.post(TP2, payload(events), "application/json; charset=UTF-8", userAgent,
                    pageUrl));
        }
    }

    private Map<String, String> webEvent(String type, Browser browser, String userId, String sessionId, String url,
                                         String referrer, String title) {
        Map<String, String> event = baseEvent(type, "web", "js-3.17.0", WEB_APP, userId, sessionId);
        event.put("url", url);
        event.put("page", title);
        if (referrer != null) {
            event.put("refr", referrer);
        }
        event.put("res", browser.resolution());
        event.put("cs", "UTF-8");
        event.put("lang", "en-GB");
        event.put("cookie", "1");
        return event;
    }

    private Map<String, String> baseEvent(String type, String platform, String trackerVersion, String appId,
                                          String userId, String sessionId) {
        Map<String, String> event = new LinkedHashMap<>();
        event.put("e", type);
        event.put("p", platform);
        event.put("tv", trackerVersion);
        event.put("tna", "sp");
        event.put("aid", appId);
        event.put("eid", ids.get().toString());
        // Seconds apart, in the order generated: the time a visitor spends between events.
        long dtm = start.toEpochMilli() + 1_000L * eventsSent++;
        event.put("dtm", Long.toString(dtm));
        event.put("stm", Long.toString(dtm + 50));
        event.put("duid", userId);
        event.put("sid", sessionId);
        event.put("vid", "1");
        return event;
    }

    private String landingReferrer() {
        return switch (random.nextInt(5)) {
            case 0, 1 -> pick(SEARCH);
            case 2 -> pick(SOCIAL);
            case 3 -> SITE + pick(PAGES); // a tab left open on the site
            default -> null; // direct
        };
    }

    private void count(String table) {
        entityRows.merge(table, 1, Integer::sum);
    }

    private UUID seededUuid() {
        return new UUID(random.nextLong(), random.nextLong());
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String payload(List<Map<String, String>> events) {
        ArrayNode data = JSON.createArrayNode();
        for (Map<String, String> event : events) {
            ObjectNode node = data.addObject();
            event.forEach(node::put);
        }
        return json(selfDescribing(PAYLOAD_DATA, data));
    }

    private static void encode(Map<String, String> params, String plain, String encoded) {
        String value = params.remove(plain);
        if (value != null) {
            params.put(encoded, base64(value));
        }
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String query(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static ObjectNode selfDescribing(String schema, JsonNode data) {
        ObjectNode node = JSON.createObjectNode().put("schema", schema);
        node.set("data", data);
        return node;
    }

    private static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
