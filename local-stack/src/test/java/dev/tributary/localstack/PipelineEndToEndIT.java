package dev.tributary.localstack;

import static dev.tributary.localstack.StackTestSupport.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.enrich.app.Versions;
import dev.tributary.schemas.avro.CollectorPayload;
import dev.tributary.schemas.avro.EnrichedEvent;
import dev.tributary.schemas.enriched.EnrichedTsv;
import dev.tributary.schemas.registry.HttpSchemaRegistryClient;
import dev.tributary.schemas.serde.AvroDeserializer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The whole pipeline in one JVM, as a tracker and an analyst see it: events go in through the collector's HTTP
 * endpoints, and come out of the S3 bucket as enriched TSV (batch layer input), as a bad row for the one broken
 * request, and as the unchanged raw payloads of the master dataset, each prefix with its own encryption.
 */
class PipelineEndToEndIT {

    private static final String BUCKET = "tributary";
    private static final String KMS_KEY = "arn:aws:kms:us-east-1:000000000000:key/tributary-e2e";
    private static final String USER_AGENT =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
    private static final String APP_ID = "e2e-shop";
    private static final String TP2 = "/com.snowplowanalytics.snowplow/tp2";

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private RunningStack stack;

    @AfterEach
    void closeStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void eventsSentToTheCollectorLandInS3EnrichedBadAndRaw() throws Exception {
        stack = RunningStack.start(new StackSettings(dataDir, freePort(), freePort(), freePort(), freePort(),
                freePort(), BUCKET, KMS_KEY, freePort(), freePort()));
        Map<String, String> endpoints = stack.endpoints().stream()
                .collect(Collectors.toMap(Endpoint::name, Endpoint::address));
        URI collector = URI.create(endpoints.get("collector"));
        HttpClient http = HttpClient.newHttpClient();

        // Three page views through the pixel (tracker protocol v1, GET /i).
        List<String> pageViewIds = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String eid = UUID.randomUUID().toString();
            pageViewIds.add(eid);
            String query = query(Map.of("e", "pv", "p", "web", "tv", "js-3.17.0", "aid", APP_ID, "eid", eid,
                    "dtm", Long.toString(System.currentTimeMillis()),
                    "url", "https://shop.example.com/products/" + i + "?ref=e2e#reviews",
                    "page", "Product " + i));
            assertThat(send(http, HttpRequest.newBuilder(collector.resolve("/i?" + query)).GET())).isEqualTo(200);
        }

        // One tp2 batch: a structured event and a link click carrying a web_page context.
        String structId = UUID.randomUUID().toString();
        String clickId = UUID.randomUUID().toString();
        String webPageId = UUID.randomUUID().toString();
        ObjectNode struct = tp2Event("se", structId);
        struct.put("se_ca", "checkout").put("se_ac", "add-to-basket").put("se_la", "sku-42").put("se_va", "19.99");
        ObjectNode click = tp2Event("ue", clickId);
        click.put("ue_pr", JSON.writeValueAsString(selfDescribing(
                "iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0",
                selfDescribing("iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1",
                        JSON.createObjectNode().put("targetUrl", "https://partner.example.org/deal")
                                .put("elementId", "deal-link")))));
        click.put("co", JSON.writeValueAsString(selfDescribing(
                "iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-1",
                JSON.createArrayNode().add(selfDescribing("iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0",
                        JSON.createObjectNode().put("id", webPageId))))));
        ArrayNode batch = JSON.createArrayNode().add(struct).add(click);
        String body = JSON.writeValueAsString(selfDescribing(
                "iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4", batch));
        assertThat(send(http, HttpRequest.newBuilder(collector.resolve(TP2))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)))).isEqualTo(200);

        // A valid-looking tp2 body under a content type the tp2 adapter refuses: the collector records it (it does
        // not judge bodies); enrich must turn it into a bad row, not drop it. Snowplow files failures of its own
        // tracker protocol adapters as tracker_protocol_violations (adapter_failures is for the other vendors).
        String invalidId = UUID.randomUUID().toString();
        String invalidBody = JSON.writeValueAsString(selfDescribing(
                "iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4",
                JSON.createArrayNode().add(tp2Event("pv", invalidId).put("url", "https://shop.example.com/"))));
        assertThat(send(http, HttpRequest.newBuilder(collector.resolve(TP2))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(invalidBody)))).isEqualTo(200);
        int collectorRequests = 5;

        List<String> goodIds = new ArrayList<>(pageViewIds);
        goodIds.add(structId);
        goodIds.add(clickId);

        try (S3Client s3 = StackTestSupport.s3(endpoints.get("s3"))) {
            // Enriched: every good event exactly once, nothing else (the invalid one must not sneak in).
            List<String> enrichedLines = new ArrayList<>();
            await("enriched events in s3://" + BUCKET + "/enriched/").atMost(Duration.ofSeconds(75))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        enrichedLines.clear();
                        enrichedLines.addAll(lines(s3, "enriched/"));
                        return enrichedLines.size() >= goodIds.size();
                    });
            for (String line : enrichedLines) {
                assertThat(line.split("\t", -1)).as("fields of an enriched line").hasSize(131);
            }
            List<EnrichedEvent> events = new ArrayList<>();
            for (String line : enrichedLines) {
                events.add(EnrichedTsv.parse(line));
            }
            assertThat(events).extracting(EnrichedEvent::getEventId).containsExactlyInAnyOrderElementsOf(goodIds);
            Map<String, EnrichedEvent> byId = events.stream()
                    .collect(Collectors.toMap(EnrichedEvent::getEventId, Function.identity()));

            for (EnrichedEvent event : events) {
                assertThat(event.getAppId()).isEqualTo(APP_ID);
                assertThat(event.getPlatform()).isEqualTo("web");
                assertThat(event.getVCollector()).startsWith("tributary-collector-").endsWith("-kafka");
                assertThat(event.getVEtl()).isEqualTo(Versions.ETL_VERSION);
                assertThat(event.getUseragent()).isEqualTo(USER_AGENT);
                // The default YAUAA enrichment parsed the tracker's User-Agent header.
                JsonNode derived = JSON.readTree(event.getDerivedContexts());
                assertThat(derived.path("schema").asText())
                        .isEqualTo("iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-1");
                JsonNode yauaa = find(derived.path("data"), "iglu:nl.basjes/yauaa_context/jsonschema/1-0-4");
                assertThat(yauaa).as("yauaa_context in derived_contexts of %s", event.getEventId()).isNotNull();
                assertThat(yauaa.path("data").path("agentName").asText()).isEqualTo("Chrome");
                assertThat(yauaa.path("data").path("operatingSystemName").asText()).isEqualTo("Windows NT");
            }

            for (int i = 1; i <= 3; i++) {
                EnrichedEvent pageView = byId.get(pageViewIds.get(i - 1));
                assertThat(pageView.getEvent()).isEqualTo("page_view");
                assertThat(pageView.getPageTitle()).isEqualTo("Product " + i);
                assertThat(pageView.getPageUrlscheme()).isEqualTo("https");
                assertThat(pageView.getPageUrlhost()).isEqualTo("shop.example.com");
                assertThat(pageView.getPageUrlport()).isEqualTo(443);
                assertThat(pageView.getPageUrlpath()).isEqualTo("/products/" + i);
                assertThat(pageView.getPageUrlquery()).isEqualTo("ref=e2e");
                assertThat(pageView.getPageUrlfragment()).isEqualTo("reviews");
            }

            EnrichedEvent structured = byId.get(structId);
            assertThat(structured.getEvent()).isEqualTo("struct");
            assertThat(structured.getSeCategory()).isEqualTo("checkout");
            assertThat(structured.getSeAction()).isEqualTo("add-to-basket");
            assertThat(structured.getSeLabel()).isEqualTo("sku-42");

            EnrichedEvent linkClick = byId.get(clickId);
            assertThat(linkClick.getEvent()).isEqualTo("unstruct");
            assertThat(linkClick.getEventVendor()).isEqualTo("com.snowplowanalytics.snowplow");
            assertThat(linkClick.getEventName()).isEqualTo("link_click");
            JsonNode unstruct = JSON.readTree(linkClick.getUnstructEvent());
            assertThat(unstruct.path("data").path("schema").asText())
                    .isEqualTo("iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1");
            assertThat(unstruct.path("data").path("data").path("targetUrl").asText())
                    .isEqualTo("https://partner.example.org/deal");
            JsonNode webPage = find(JSON.readTree(linkClick.getContexts()).path("data"),
                    "iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0");
            assertThat(webPage).isNotNull();
            assertThat(webPage.path("data").path("id").asText()).isEqualTo(webPageId);

            // Bad: the refused request as a self-describing tracker_protocol_violations row, written by stream-enrich.
            List<JsonNode> badRows = new ArrayList<>();
            await("bad rows in s3://" + BUCKET + "/bad/").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        badRows.clear();
                        for (String line : lines(s3, "bad/")) {
                            badRows.add(JSON.readTree(line));
                        }
                        return !badRows.isEmpty();
                    });
            assertThat(badRows).hasSize(1);
            JsonNode badRow = badRows.get(0);
            assertThat(badRow.path("schema").asText())
                    .isEqualTo("iglu:com.snowplowanalytics.snowplow.badrows/tracker_protocol_violations/jsonschema/1-0-1");
            assertThat(badRow.path("data").path("processor").path("artifact").asText()).isEqualTo(Versions.ARTIFACT);
            assertThat(badRow.path("data").path("failure").toString()).contains("contentType").contains("text/plain");
            assertThat(badRow.path("data").path("payload").toString()).contains(invalidId);
            assertThat(badRow.toString()).doesNotContain(goodIds.get(0));

            // Raw: one line per collector request, each the base64 of the Kafka record, readable with the registry.
            List<String> rawLines = new ArrayList<>();
            await("raw payloads in s3://" + BUCKET + "/raw/").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        rawLines.clear();
                        rawLines.addAll(lines(s3, "raw/"));
                        return rawLines.size() >= collectorRequests;
                    });
            assertThat(rawLines).hasSize(collectorRequests);
            AvroDeserializer<CollectorPayload> payloads = new AvroDeserializer<>(CollectorPayload.class,
                    new HttpSchemaRegistryClient(URI.create(endpoints.get("schema-registry"))));
            List<String> rawPaths = new ArrayList<>();
            List<String> rawBodies = new ArrayList<>();
            for (String line : rawLines) {
                CollectorPayload payload = payloads.deserialize("raw", Base64.getDecoder().decode(line));
                rawPaths.add(payload.getPath());
                if (payload.getBody() != null) {
                    rawBodies.add(payload.getBody());
                }
                assertThat(payload.getUserAgent()).isEqualTo(USER_AGENT);
            }
            assertThat(rawPaths).containsExactlyInAnyOrder("/i", "/i", "/i", TP2, TP2);
            assertThat(rawBodies).containsExactlyInAnyOrder(body, invalidBody);

            // Encryption per prefix, as the loaders were configured (LocalLoaders).
            assertEncryption(s3, "enriched/", ServerSideEncryption.AES256, null);
            assertEncryption(s3, "bad/", ServerSideEncryption.AES256, null);
            assertEncryption(s3, "raw/", ServerSideEncryption.AWS_KMS, KMS_KEY);
        }

        stack.close();
        stack = null;
    }

    private static ObjectNode tp2Event(String type, String eid) {
        return JSON.createObjectNode().put("e", type).put("p", "web").put("tv", "js-3.17.0").put("aid", APP_ID)
                .put("eid", eid).put("dtm", Long.toString(System.currentTimeMillis()));
    }

    private static ObjectNode selfDescribing(String schema, JsonNode data) {
        ObjectNode node = JSON.createObjectNode().put("schema", schema);
        node.set("data", data);
        return node;
    }

    private static JsonNode find(JsonNode entities, String schema) {
        for (JsonNode entity : entities) {
            if (schema.equals(entity.path("schema").asText())) {
                return entity;
            }
        }
        return null;
    }

    private static int send(HttpClient http, HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.header("User-Agent", USER_AGENT).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static List<S3Object> objects(S3Client s3, String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream().toList();
    }

    /** Every line of every gzipped object under {@code prefix}. */
    private static List<String> lines(S3Client s3, String prefix) {
        List<String> lines = new ArrayList<>();
        for (S3Object object : objects(s3, prefix)) {
            byte[] gzipped = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(object.key())).asByteArray();
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                text.lines().filter(l -> !l.isEmpty()).forEach(lines::add);
            } catch (IOException e) {
                throw new UncheckedIOException("object " + object.key() + " is not gzip", e);
            }
        }
        return lines;
    }

    private static void assertEncryption(S3Client s3, String prefix, ServerSideEncryption expected, String kmsKey) {
        List<S3Object> objects = objects(s3, prefix);
        assertThat(objects).as("objects under %s", prefix).isNotEmpty();
        Map<String, ServerSideEncryption> encryption = new HashMap<>();
        for (S3Object object : objects) {
            var head = s3.headObject(b -> b.bucket(BUCKET).key(object.key()));
            encryption.put(object.key(), head.serverSideEncryption());
            if (kmsKey != null) {
                assertThat(head.ssekmsKeyId()).as("KMS key of %s", object.key()).isEqualTo(kmsKey);
            }
        }
        assertThat(encryption).as("server-side encryption under %s", prefix).allSatisfy((key, sse) ->
                assertThat(sse).isEqualTo(expected));
    }
}
