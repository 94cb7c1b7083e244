package dev.tributary.enrich.topology;

import dev.tributary.enrich.app.Versions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.enrich.config.EnrichConfig;
import dev.tributary.enrich.enrichments.EnrichmentChain;
import dev.tributary.schemas.avro.EnrichedEvent;
import dev.tributary.schemas.iglu.SelfDescribingJson;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every adapter through the whole topology, checking the enriched TSV fields and the bad rows. */
class EnrichTopologyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EID = "8f2f4a5c-6f5e-4b4e-9d3f-3c2d1e0f9a8b";
    private static final String SID = "2b1e7c9a-1111-4222-8333-444455556666";
    private static final String POST_JSON = "application/json; charset=utf-8";

    private final EnrichDriver driver = new EnrichDriver();

    @AfterEach
    void close() {
        driver.close();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void tp1PageViewMapsEveryFieldFamily() {
        long received = RawPayloads.RECEIVED.toEpochMilli();
        String qs = "e=pv&p=web&tv=js-3.1.0&tna=sp1&aid=shop&eid=" + EID
                + "&dtm=" + (received - 5000) + "&stm=" + (received - 4100)
                + "&uid=alice&duid=d-1&vid=3&sid=" + SID + "&fp=12345"
                + "&url=" + enc("https://shop.example.com:8443/cart/view?item=7&utm_source=news#top")
                + "&refr=" + enc("http://search.example.org/q?s=shoes")
                + "&page=" + enc("My\tCart") + "&res=1920x1080&vp=1200x800&ds=1180x3000&cd=24&cs=UTF-8"
                + "&lang=en-GB&cookie=1&tz=" + enc("Europe/London")
                + "&f_pdf=1&f_fla=0&f_java=0&f_dir=0&f_qt=1&f_realp=0&f_wma=0&f_gears=0&f_ag=1";
        driver.send(RawPayloads.get("/i", qs));

        List<Map<String, String>> good = driver.good();
        assertThat(good).hasSize(1);
        Map<String, String> f = good.get(0);
        assertThat(f).containsEntry("app_id", "shop").containsEntry("platform", "web")
                .containsEntry("etl_tstamp", "2026-03-01 12:00:05.000")
                .containsEntry("collector_tstamp", "2026-03-01 12:00:00.250")
                .containsEntry("dvce_created_tstamp", "2026-03-01 11:59:55.250")
                .containsEntry("dvce_sent_tstamp", "2026-03-01 11:59:56.150")
                // collector time minus the 900 ms the device held the event before sending it
                .containsEntry("derived_tstamp", "2026-03-01 11:59:59.350")
                .containsEntry("event", "page_view").containsEntry("event_id", EID)
                .containsEntry("name_tracker", "sp1").containsEntry("v_tracker", "js-3.1.0")
                .containsEntry("v_collector", "tributary-collector-0.1.0-kafka")
                .containsEntry("v_etl", Versions.ETL_VERSION)
                .containsEntry("user_id", "alice").containsEntry("user_ipaddress", "203.0.113.9")
                .containsEntry("user_fingerprint", "12345").containsEntry("domain_userid", "d-1")
                .containsEntry("domain_sessionidx", "3").containsEntry("domain_sessionid", SID)
                .containsEntry("network_userid", RawPayloads.NUID)
                .containsEntry("page_url", "https://shop.example.com:8443/cart/view?item=7&utm_source=news#top")
                .containsEntry("page_urlscheme", "https").containsEntry("page_urlhost", "shop.example.com")
                .containsEntry("page_urlport", "8443").containsEntry("page_urlpath", "/cart/view")
                .containsEntry("page_urlquery", "item=7&utm_source=news").containsEntry("page_urlfragment", "top")
                .containsEntry("page_referrer", "http://search.example.org/q?s=shoes")
                .containsEntry("refr_urlscheme", "http").containsEntry("refr_urlhost", "search.example.org")
                .containsEntry("refr_urlport", "80").containsEntry("refr_urlpath", "/q")
                .containsEntry("refr_urlquery", "s=shoes")
                // a tab in user text becomes four spaces
                .containsEntry("page_title", "My    Cart")
                .containsEntry("dvce_screenwidth", "1920").containsEntry("dvce_screenheight", "1080")
                .containsEntry("br_viewwidth", "1200").containsEntry("br_viewheight", "800")
                .containsEntry("doc_width", "1180").containsEntry("doc_height", "3000")
                .containsEntry("br_colordepth", "24").containsEntry("doc_charset", "UTF-8")
                .containsEntry("br_lang", "en-GB").containsEntry("br_cookies", "1")
                .containsEntry("os_timezone", "Europe/London")
                .containsEntry("br_features_pdf", "1").containsEntry("br_features_flash", "0")
                .containsEntry("br_features_quicktime", "1").containsEntry("br_features_silverlight", "1")
                .containsEntry("useragent", RawPayloads.UA)
                .containsEntry("event_vendor", "com.snowplowanalytics.snowplow")
                .containsEntry("event_name", "page_view").containsEntry("event_format", "jsonschema")
                .containsEntry("event_version", "1-0-0")
                .containsEntry("contexts", "").containsEntry("unstruct_event", "");
        assertThat(driver.bad()).isEmpty();
    }

    @Test
    void structuredTransactionAndPingParametersAreTyped() {
        driver.send(RawPayloads.get("/ice.png", "e=se&p=srv&tv=java-1.0.1&se_ca=shop&se_ac=add&se_la=sku-1"
                + "&se_pr=red&se_va=12.5"));
        driver.send(RawPayloads.get("/i", "e=tr&p=web&tv=t&tr_id=o-1&tr_af=web&tr_tt=99.90&tr_tx=9.99&tr_sh=4.5"
                + "&tr_ci=Leeds&tr_st=WYK&tr_co=GB&tr_cu=GBP&tid=42"));
        driver.send(RawPayloads.get("/i", "e=ti&p=web&tv=t&ti_id=o-1&ti_sk=sku-1&ti_nm=Shoe&ti_ca=shoes"
                + "&ti_pr=49.95&ti_qu=2&ti_cu=GBP"));
        driver.send(RawPayloads.get("/i", "e=pp&p=web&tv=t&pp_mix=0&pp_max=10.7&pp_miy=5&pp_may=800"));

        List<Map<String, String>> good = driver.good();
        assertThat(good).hasSize(4);
        assertThat(good.get(0)).containsEntry("event", "struct").containsEntry("platform", "srv")
                .containsEntry("se_category", "shop").containsEntry("se_action", "add")
                .containsEntry("se_label", "sku-1").containsEntry("se_property", "red")
                .containsEntry("se_value", "12.5")
                .containsEntry("event_vendor", "com.google.analytics").containsEntry("event_name", "event");
        assertThat(good.get(1)).containsEntry("event", "transaction").containsEntry("tr_orderid", "o-1")
                .containsEntry("tr_affiliation", "web").containsEntry("tr_total", "99.9")
                .containsEntry("tr_tax", "9.99").containsEntry("tr_shipping", "4.5")
                .containsEntry("tr_city", "Leeds").containsEntry("tr_state", "WYK")
                .containsEntry("tr_country", "GB").containsEntry("tr_currency", "GBP")
                .containsEntry("txn_id", "42").containsEntry("event_name", "transaction");
        assertThat(good.get(2)).containsEntry("event", "transaction_item").containsEntry("ti_orderid", "o-1")
                .containsEntry("ti_sku", "sku-1").containsEntry("ti_name", "Shoe")
                .containsEntry("ti_category", "shoes").containsEntry("ti_price", "49.95")
                .containsEntry("ti_quantity", "2").containsEntry("ti_currency", "GBP");
        // fractional scroll offsets from JavaScript trackers are truncated
        assertThat(good.get(3)).containsEntry("event", "page_ping").containsEntry("pp_xoffset_min", "0")
                .containsEntry("pp_xoffset_max", "10").containsEntry("pp_yoffset_min", "5")
                .containsEntry("pp_yoffset_max", "800");
        // no url parameter: the page URL comes from the Referer header
        assertThat(good.get(3)).containsEntry("page_url", "https://www.example.com/from?x=1")
                .containsEntry("page_urlquery", "x=1").containsEntry("page_urlport", "443");
    }

    @Test
    void tp2PostBatchMergesTheQuerystringWhichWinsOnClashes() {
        String body = "{\"schema\":\"iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4\","
                + "\"data\":[{\"e\":\"pv\",\"p\":\"web\",\"tv\":\"js-3\",\"aid\":\"from-body\",\"url\":\"http://a.example/1\"},"
                + "{\"e\":\"se\",\"p\":\"web\",\"tv\":\"js-3\",\"se_ca\":\"c\",\"se_ac\":\"a\"}]}";
        driver.send(RawPayloads.post("/com.snowplowanalytics.snowplow/tp2", "aid=from-qs&tna=ns",
                POST_JSON, body));

        List<Map<String, String>> good = driver.good();
        assertThat(good).hasSize(2);
        assertThat(good).allSatisfy(f -> assertThat(f).containsEntry("app_id", "from-qs")
                .containsEntry("name_tracker", "ns"));
        assertThat(good.get(0)).containsEntry("event", "page_view").containsEntry("page_url", "http://a.example/1");
        assertThat(good.get(1)).containsEntry("event", "struct").containsEntry("se_category", "c");
        assertThat(good.get(0).get("event_id")).isNotEqualTo(good.get(1).get("event_id"))
                .matches("[0-9a-f-]{36}");
    }

    @Test
    void tp2AcceptsExactlyTheSpecContentTypes() {
        String body = "{\"schema\":\"iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4\","
                + "\"data\":[{\"e\":\"pv\",\"p\":\"web\",\"tv\":\"js-3\"}]}";
        for (String ok : List.of("application/json", "application/json; charset=utf-8",
                "application/json; charset=UTF-8")) {
            driver.send(RawPayloads.post("/com.snowplowanalytics.snowplow/tp2", null, ok, body));
        }
        driver.send(RawPayloads.post("/com.snowplowanalytics.snowplow/tp2", null, "text/plain", body));

        assertThat(driver.good()).hasSize(3);
        List<SelfDescribingJson> bad = driver.bad();
        assertThat(bad).hasSize(1);
        assertThat(bad.get(0).schema().name()).isEqualTo("tracker_protocol_violations");
        JsonNode message = bad.get(0).data().at("/failure/messages/0");
        assertThat(message.path("field").asText()).isEqualTo("contentType");
        assertThat(message.path("value").asText()).isEqualTo("text/plain");
        assertThat(bad.get(0).data().at("/payload/body").asText()).isEqualTo(body);
    }

    @Test
    void tp2ViolationsCoverMissingBodyBadJsonWrongSchemaAndInvalidPayloadData() {
        String tp2 = "/com.snowplowanalytics.snowplow/tp2";
        driver.send(RawPayloads.post(tp2, null, POST_JSON, null));
        driver.send(RawPayloads.post(tp2, null, POST_JSON, "{not json"));
        driver.send(RawPayloads.post(tp2, null, POST_JSON,
                "{\"schema\":\"iglu:com.acme/other/jsonschema/1-0-0\",\"data\":[]}"));
        driver.send(RawPayloads.post(tp2, null, POST_JSON,
                "{\"schema\":\"iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4\","
                        + "\"data\":[{\"p\":\"web\",\"tv\":\"js\"}]}"));

        assertThat(driver.good()).isEmpty();
        List<SelfDescribingJson> bad = driver.bad();
        assertThat(bad).hasSize(4).allSatisfy(row ->
                assertThat(row.schema().name()).isEqualTo("tracker_protocol_violations"));
        assertThat(bad.get(0).data().at("/failure/messages/0/field").asText()).isEqualTo("body");
        assertThat(bad.get(1).data().at("/failure/messages/0/field").asText()).isEqualTo("body");
        assertThat(bad.get(1).data().at("/failure/messages/0").has("error")).isTrue();
        assertThat(bad.get(2).data().at("/failure/messages/0/schemaCriterion").asText())
                .isEqualTo("iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-*");
        // the item lacks the required "e"
        assertThat(bad.get(3).data().at("/failure/messages/0/schemaKey").asText())
                .isEqualTo("iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4");
        assertThat(bad.get(3).data().at("/failure/messages/0/error/dataReports").toString()).contains("e");
    }

    @Test
    void tp2GetCarriesTheEventInTheQuerystring() {
        driver.send(RawPayloads.get("/com.snowplowanalytics.snowplow/tp2", "e=pv&p=mob&tv=ios-1&aid=app"));

        assertThat(driver.good()).singleElement().satisfies(f -> assertThat(f)
                .containsEntry("event", "page_view").containsEntry("platform", "mob")
                .containsEntry("app_id", "app"));
    }

    @Test
    void redirectBecomesALinkClick() throws Exception {
        driver.send(RawPayloads.get("/r/tp2", "u=" + enc("https://dest.example.com/landing?a=b") + "&aid=mail"));
        driver.send(RawPayloads.get("/r/tp2", "aid=mail"));

        Map<String, String> f = driver.good().get(0);
        assertThat(f).containsEntry("event", "unstruct").containsEntry("app_id", "mail")
                .containsEntry("platform", "web").containsEntry("v_tracker", "r-tp2")
                .containsEntry("event_vendor", "com.snowplowanalytics.snowplow")
                .containsEntry("event_name", "link_click").containsEntry("event_version", "1-0-1");
        JsonNode ue = JSON.readTree(f.get("unstruct_event"));
        assertThat(ue.path("schema").asText())
                .isEqualTo("iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0");
        assertThat(ue.at("/data/data/targetUrl").asText()).isEqualTo("https://dest.example.com/landing?a=b");
        List<SelfDescribingJson> bad = driver.bad();
        assertThat(bad).singleElement().satisfies(row -> {
            assertThat(row.schema().name()).isEqualTo("tracker_protocol_violations");
            assertThat(row.data().at("/failure/version").asText()).isEqualTo("tp2");
            assertThat(row.data().at("/failure/messages/0/expectation").asText()).contains("`u`");
        });
    }

    @Test
    void igluWebhookGetAndPostBecomeSelfDescribingEvents() throws Exception {
        String schema = "iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1";
        driver.send(RawPayloads.get("/com.snowplowanalytics.iglu/v1", "schema=" + enc(schema)
                + "&targetUrl=" + enc("http://x.example/") + "&elementId=nav"));
        driver.send(RawPayloads.post("/com.snowplowanalytics.iglu/v1", "p=srv", "application/json",
                "{\"schema\":\"" + schema + "\",\"data\":{\"targetUrl\":\"http://y.example/\"}}"));
        driver.send(RawPayloads.post("/com.snowplowanalytics.iglu/v1", "schema=" + enc(schema),
                "application/x-www-form-urlencoded", "targetUrl=" + enc("http://z.example/")));
        driver.send(RawPayloads.get("/com.snowplowanalytics.iglu/v1", "targetUrl=nowhere"));

        List<Map<String, String>> good = driver.good();
        assertThat(good).hasSize(3).allSatisfy(f -> assertThat(f).containsEntry("event", "unstruct")
                .containsEntry("event_name", "link_click").containsEntry("v_tracker", "com.snowplowanalytics.iglu-v1"));
        assertThat(good.get(0)).containsEntry("platform", "app");
        assertThat(JSON.readTree(good.get(0).get("unstruct_event")).at("/data/data/elementId").asText())
                .isEqualTo("nav");
        assertThat(good.get(1)).containsEntry("platform", "srv");
        assertThat(JSON.readTree(good.get(1).get("unstruct_event")).at("/data/data/targetUrl").asText())
                .isEqualTo("http://y.example/");
        assertThat(JSON.readTree(good.get(2).get("unstruct_event")).at("/data/data/targetUrl").asText())
                .isEqualTo("http://z.example/");
        assertThat(driver.bad()).singleElement().satisfies(row -> {
            assertThat(row.schema().name()).isEqualTo("adapter_failures");
            assertThat(row.data().at("/failure/vendor").asText()).isEqualTo("com.snowplowanalytics.iglu");
            assertThat(row.data().at("/failure/messages/0/field").asText()).isEqualTo("schema");
        });
    }

    @Test
    void tp1WithoutParametersIsAnAdapterFailure() {
        driver.send(RawPayloads.get("/i", null));

        assertThat(driver.good()).isEmpty();
        assertThat(driver.bad()).singleElement().satisfies(row -> {
            assertThat(row.schema().name()).isEqualTo("adapter_failures");
            assertThat(row.data().at("/failure/version").asText()).isEqualTo("tp1");
            assertThat(row.data().at("/failure/messages/0/field").asText()).isEqualTo("querystring");
        });
    }

    @Test
    void unknownVendorIsAnAdapterFailure() {
        driver.send(RawPayloads.get("/com.acme/v9", "a=1"));

        assertThat(driver.good()).isEmpty();
        assertThat(driver.bad()).singleElement().satisfies(row -> {
            assertThat(row.schema().name()).isEqualTo("adapter_failures");
            assertThat(row.data().at("/failure/vendor").asText()).isEqualTo("com.acme");
            assertThat(row.data().at("/failure/version").asText()).isEqualTo("v9");
            assertThat(row.data().at("/payload/querystring/0/name").asText()).isEqualTo("a");
        });
    }

    @Test
    void unreadableRecordsBecomeFormatViolationsCarryingTheRawBytes() {
        byte[] garbage = {0x00, 0x00, 0x00, 0x00, 0x63, 0x01, 0x02};
        driver.sendBytes(garbage);
        driver.sendBytes("plain text".getBytes(StandardCharsets.UTF_8));
        driver.send(RawPayloads.base("/a/b/c").build());
        driver.send(RawPayloads.base("/i").setSchema$("iglu:com.acme/other/thrift/1-0-0").build());
        driver.send(RawPayloads.base("/i").setQuerystring("e=pv").setNetworkUserId("not-a-uuid").build());

        List<SelfDescribingJson> bad = driver.bad();
        assertThat(bad).hasSize(5).allSatisfy(row ->
                assertThat(row.schema().name()).isEqualTo("collector_payload_format_violation"));
        assertThat(Base64.getDecoder().decode(bad.get(0).data().at("/payload").asText())).isEqualTo(garbage);
        assertThat(bad.get(2).data().at("/failure/message/payloadField").asText()).isEqualTo("path");
        assertThat(bad.get(3).data().at("/failure/message/payloadField").asText()).isEqualTo("schema");
        assertThat(bad.get(4).data().at("/failure/message/payloadField").asText()).isEqualTo("networkUserId");
        assertThat(driver.good()).isEmpty();
    }

    @Test
    void invalidParametersGiveOneSchemaViolationNamingEveryField() {
        driver.send(RawPayloads.get("/i", "e=pv&p=web&tv=t&tr_tt=lots&sid=nope&dtm=yesterday&res=big&f_pdf=2&aid=shop"));
        driver.send(RawPayloads.get("/i", "e=zz&p=desk&tv=t"));

        assertThat(driver.good()).isEmpty();
        List<SelfDescribingJson> bad = driver.bad();
        assertThat(bad).hasSize(2).allSatisfy(row -> assertThat(row.schema().name()).isEqualTo("schema_violations"));
        JsonNode first = bad.get(0).data();
        assertThat(first.at("/failure/messages/0/schemaKey").asText())
                .isEqualTo("iglu:com.snowplowanalytics.snowplow/atomic/jsonschema/1-0-0");
        String reports = first.at("/failure/messages/0/error/dataReports").toString();
        assertThat(reports).contains("$.tr_total", "$.domain_sessionid", "$.dvce_created_tstamp",
                "$.dvce_screenwidth/dvce_screenheight", "$.br_features_pdf");
        assertThat(first.at("/payload/enriched/app_id").asText()).isEqualTo("shop");
        assertThat(first.at("/payload/raw/vendor").asText()).isEqualTo("com.snowplowanalytics.snowplow");
        assertThat(bad.get(1).data().at("/failure/messages/0/error/dataReports").toString())
                .contains("$.event", "$.platform");
    }

    @Test
    void contextsAndUnstructEventsAreDecodedAndValidated() throws Exception {
        String webPage = "{\"schema\":\"iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0\","
                + "\"data\":{\"id\":\"0c3b2a10-1d5e-4f3a-9b8c-7d6e5f4a3b2c\"}}";
        String contexts = "{\"schema\":\"iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-0\","
                + "\"data\":[" + webPage + "]}";
        String screenView = "{\"schema\":\"iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0\","
                + "\"data\":{\"schema\":\"iglu:com.snowplowanalytics.mobile/screen_view/jsonschema/1-0-0\","
                + "\"data\":{\"name\":\"home\",\"id\":\"5d79770b-015b-4af8-8c91-b2ed6faf4b1e\"}}}";
        Base64.Encoder b64url = Base64.getUrlEncoder().withoutPadding();
        driver.send(RawPayloads.get("/i", "e=ue&p=mob&tv=t&cx=" + b64url.encodeToString(contexts.getBytes(StandardCharsets.UTF_8))
                + "&ue_px=" + b64url.encodeToString(screenView.getBytes(StandardCharsets.UTF_8))));
        driver.send(RawPayloads.get("/i", "e=pv&p=web&tv=t&co=" + enc(contexts)));
        // unknown schema, invalid data, wrong envelope, not JSON
        driver.send(RawPayloads.get("/i", "e=ue&p=web&tv=t&ue_pr=" + enc(
                "{\"schema\":\"iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0\","
                        + "\"data\":{\"schema\":\"iglu:com.acme/unknown/jsonschema/1-0-0\",\"data\":{}}}")));
        driver.send(RawPayloads.get("/i", "e=pv&p=web&tv=t&co=" + enc(contexts.replace("0c3b2a10-1d5e-4f3a-9b8c-7d6e5f4a3b2c", "x"))));
        driver.send(RawPayloads.get("/i", "e=pv&p=web&tv=t&co=" + enc(webPage)));
        driver.send(RawPayloads.get("/i", "e=pv&p=web&tv=t&co=" + enc("{oops")));

        List<Map<String, String>> good = driver.good();
        assertThat(good).hasSize(2);
        assertThat(JSON.readTree(good.get(0).get("contexts"))).isEqualTo(JSON.readTree(contexts));
        assertThat(good.get(0)).containsEntry("event_vendor", "com.snowplowanalytics.mobile")
                .containsEntry("event_name", "screen_view").containsEntry("event_version", "1-0-0");
        assertThat(JSON.readTree(good.get(0).get("unstruct_event"))).isEqualTo(JSON.readTree(screenView));
        assertThat(JSON.readTree(good.get(1).get("contexts"))).isEqualTo(JSON.readTree(contexts));

        List<SelfDescribingJson> bad = driver.bad();
        assertThat(bad).hasSize(4).allSatisfy(row -> assertThat(row.schema().name()).isEqualTo("schema_violations"));
        assertThat(bad.get(0).data().at("/failure/messages/0/schemaKey").asText())
                .isEqualTo("iglu:com.acme/unknown/jsonschema/1-0-0");
        assertThat(bad.get(0).data().at("/failure/messages/0/error/lookupHistory").isArray()).isTrue();
        assertThat(bad.get(1).data().at("/failure/messages/0/schemaKey").asText())
                .isEqualTo("iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0");
        assertThat(bad.get(2).data().at("/failure/messages/0/schemaCriterion").asText())
                .isEqualTo("iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-*");
        assertThat(bad.get(3).data().at("/failure/messages/0/field").asText()).isEqualTo("contexts");
    }

    @Test
    void eventIdIsGeneratedWhenMissingOrNotAUuidAndIpComesFromForwardedHeaders() {
        driver.send(RawPayloads.base("/i").setQuerystring("e=pv&p=web&tv=t&eid=not-a-uuid")
                .setHeaders(List.of("X-Forwarded-For: 198.51.100.7, 10.0.0.1")).build());
        driver.send(RawPayloads.base("/i").setQuerystring("e=pv&p=web&tv=t")
                .setHeaders(List.of("Forwarded: for=192.0.2.60;proto=http")).build());
        driver.send(RawPayloads.base("/i").setQuerystring("e=pv&p=web&tv=t&ip=192.0.2.1&nuid=" + EID
                + "&ua=tracker-ua").setHeaders(List.of("X-Forwarded-For: 198.51.100.7")).build());

        List<Map<String, String>> good = driver.good();
        assertThat(good).hasSize(3);
        assertThat(good.get(0).get("event_id")).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(good.get(0)).containsEntry("user_ipaddress", "198.51.100.7");
        assertThat(good.get(1)).containsEntry("user_ipaddress", "192.0.2.60");
        assertThat(good.get(2)).containsEntry("user_ipaddress", "192.0.2.1").containsEntry("network_userid", EID)
                .containsEntry("useragent", "tracker-ua");
    }

    @Test
    void trueTimestampWinsForDerivedTstampAndOutOfRangeYearsAreRejected() {
        driver.send(RawPayloads.get("/i", "e=pv&p=web&tv=t&ttm=1772366400000&dtm=1&stm=2"));
        driver.send(RawPayloads.get("/i", "e=pv&p=web&tv=t&dtm=253402300800000"));

        assertThat(driver.good()).singleElement().satisfies(f ->
                assertThat(f).containsEntry("derived_tstamp", "2026-03-01 12:00:00.000")
                        .containsEntry("true_tstamp", "2026-03-01 12:00:00.000"));
        assertThat(driver.bad()).singleElement().satisfies(row ->
                assertThat(row.data().at("/failure/messages/0/error/dataReports/0/path").asText())
                        .isEqualTo("$.dvce_created_tstamp"));
    }

    @Test
    void atomicFieldsLongerThanTheirColumnAreSchemaViolations() {
        driver.send(RawPayloads.get("/i", "e=pv&p=web&tv=t&aid=" + "a".repeat(256)));

        assertThat(driver.good()).isEmpty();
        assertThat(driver.bad()).singleElement().satisfies(row -> {
            assertThat(row.schema().name()).isEqualTo("schema_violations");
            assertThat(row.data().at("/failure/messages/0/error/dataReports/0/path").asText()).isEqualTo("$.app_id");
        });
    }

    @Test
    void goodEventsAreKeyedByTheConfiguredFieldAndAlsoWrittenAsAvro() {
        try (EnrichDriver byUser = new EnrichDriver(EnrichmentChain.empty(), EnrichConfig.PartitionKey.DOMAIN_USERID)) {
            byUser.send(RawPayloads.get("/i", "e=pv&p=web&tv=t&duid=user-7&eid=" + EID));
            assertThat(byUser.goodRecords()).singleElement().satisfies(kv -> assertThat(kv.key).isEqualTo("user-7"));
            List<EnrichedEvent> avro = byUser.avro();
            assertThat(avro).singleElement().satisfies(e -> {
                assertThat(e.getEventId()).isEqualTo(EID);
                assertThat(e.getDomainUserid()).isEqualTo("user-7");
            });
        }
        driver.send(RawPayloads.get("/i", "e=pv&p=web&tv=t&eid=" + EID));
        assertThat(driver.goodRecords()).singleElement().satisfies(kv -> assertThat(kv.key).isEqualTo(EID));
    }

    @Test
    void everyRecordIsCountedGoodOrBad() {
        driver.send(RawPayloads.get("/i", "e=pv&p=web&tv=t"));
        driver.send(RawPayloads.get("/i", "e=bogus&p=web&tv=t"));
        driver.sendBytes(new byte[] {1, 2, 3});

        assertThat(driver.good()).hasSize(1);
        assertThat(driver.bad()).hasSize(2);
        assertThat(driver.metrics().goodCount()).isEqualTo(1.0);
        assertThat(driver.metrics().badCount()).isEqualTo(2.0);
    }
}
