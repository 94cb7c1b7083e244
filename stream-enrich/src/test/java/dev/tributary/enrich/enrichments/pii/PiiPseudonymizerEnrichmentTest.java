package dev.tributary.enrich.enrichments.pii;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.enrich.enrichments.TestEvents;
import dev.tributary.enrich.enrichments.TransformingEnrichment.Transformation;
import dev.tributary.schemas.avro.EnrichedEvent;
import dev.tributary.schemas.iglu.SchemaCriterion;
import dev.tributary.schemas.iglu.SelfDescribingJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class PiiPseudonymizerEnrichmentTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    // Computed independently with Python hashlib: sha256("alice@example.com" + "pepper"), md5("42" + "pepper")
    private static final String ALICE_SHA256 = "a4e5a8a1e1713029af7a49d4a332a41e9d24dd6a8a96536a5938f8e0eb673546";
    private static final String FORTY_TWO_MD5 = "4efadda38ebe7f6860e972024a4d0efe";

    private static EnrichedEvent eventWithPii() {
        EnrichedEvent event = TestEvents.pageView("https://a.example/");
        event.setUserId("alice@example.com");
        event.setContexts("{\"schema\":\"iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-1\",\"data\":["
                + "{\"schema\":\"iglu:com.acme/customer/jsonschema/1-0-2\",\"data\":{\"email\":\"alice@example.com\","
                + "\"tier\":\"gold\"}},"
                + "{\"schema\":\"iglu:com.acme/customer/jsonschema/2-0-0\",\"data\":{\"email\":\"alice@example.com\"}}]}");
        event.setUnstructEvent("{\"schema\":\"iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0\","
                + "\"data\":{\"schema\":\"iglu:com.acme/signup/jsonschema/1-0-0\",\"data\":{\"ids\":[\"42\",7],"
                + "\"plan\":\"pro\"}}}");
        return event;
    }

    @Test
    void pojoFieldIsHashedWithTheSalt() throws Exception {
        var pii = new PiiPseudonymizerEnrichment(List.of(new PiiPseudonymizerEnrichment.Pojo("user_id")),
                "SHA-256", "pepper", false);
        EnrichedEvent event = eventWithPii();

        Transformation t = pii.transform(event, TestEvents.noContext(), List.of());

        assertThat(event.getUserId()).isEqualTo(ALICE_SHA256);
        assertThat(t.emittedEvent()).isEmpty();
    }

    @Test
    void jsonPathsAreHashedOnlyInEntitiesMatchingTheCriterion() throws Exception {
        var pii = new PiiPseudonymizerEnrichment(List.of(
                new PiiPseudonymizerEnrichment.Json("contexts",
                        SchemaCriterion.parse("iglu:com.acme/customer/jsonschema/1-*-*"), "$.email"),
                new PiiPseudonymizerEnrichment.Json("unstruct_event",
                        SchemaCriterion.parse("iglu:com.acme/signup/jsonschema/1-0-0"), "$.ids")),
                "MD5", "pepper", false);
        EnrichedEvent event = eventWithPii();

        pii.transform(event, TestEvents.noContext(), List.of());

        JsonNode contexts = MAPPER.readTree(event.getContexts()).path("data");
        assertThat(contexts.get(0).path("data").path("email").asText()).hasSize(32).isNotEqualTo("alice@example.com");
        assertThat(contexts.get(0).path("data").path("tier").asText()).isEqualTo("gold");
        // model 2 does not match 1-*-*
        assertThat(contexts.get(1).path("data").path("email").asText()).isEqualTo("alice@example.com");
        JsonNode signup = MAPPER.readTree(event.getUnstructEvent()).path("data").path("data");
        // strings of a selected array are hashed, other elements kept
        assertThat(signup.path("ids").get(0).asText()).isEqualTo(FORTY_TWO_MD5);
        assertThat(signup.path("ids").get(1).asInt()).isEqualTo(7);
        assertThat(signup.path("plan").asText()).isEqualTo("pro");
    }

    @Test
    void derivedContextsFromEarlierEnrichmentsAreRewritten() throws Exception {
        var pii = new PiiPseudonymizerEnrichment(List.of(new PiiPseudonymizerEnrichment.Json("derived_contexts",
                SchemaCriterion.parse("iglu:org.ietf/http_cookie/jsonschema/1-*-*"), "$.value")),
                "SHA-256", "pepper", false);
        var cookie = SelfDescribingJson.parse(
                "{\"schema\":\"iglu:org.ietf/http_cookie/jsonschema/1-0-0\",\"data\":{\"name\":\"sp\","
                        + "\"value\":\"alice@example.com\"}}");

        Transformation t = pii.transform(eventWithPii(), TestEvents.noContext(), List.of(cookie));

        assertThat(t.derivedContexts()).hasSize(1);
        assertThat(t.derivedContexts().get(0).data().path("value").asText()).isEqualTo(ALICE_SHA256);
        assertThat(t.derivedContexts().get(0).data().path("name").asText()).isEqualTo("sp");
        assertThat(cookie.data().path("value").asText()).as("input left untouched").isEqualTo("alice@example.com");
    }

    @Test
    void emitEventProducesAPiiTransformationEventPointingAtItsParent() throws Exception {
        var pii = new PiiPseudonymizerEnrichment(List.of(
                new PiiPseudonymizerEnrichment.Pojo("user_id"),
                new PiiPseudonymizerEnrichment.Json("contexts",
                        SchemaCriterion.parse("iglu:com.acme/customer/jsonschema/1-*-*"), "$.email")),
                "SHA-256", "pepper", true);
        EnrichedEvent event = eventWithPii();

        Transformation t = pii.transform(event, TestEvents.noContext(), List.of());

        assertThat(t.emittedEvent()).isPresent();
        EnrichedEvent emitted = t.emittedEvent().get();
        assertThat(emitted.getEventId()).isNotEqualTo(event.getEventId()).hasSize(36);
        assertThat(emitted.getEvent()).isEqualTo("pii_transformation");
        assertThat(emitted.getPlatform()).isEqualTo("srv");
        assertThat(emitted.getEventVendor()).isEqualTo("com.snowplowanalytics.snowplow");
        assertThat(emitted.getEventName()).isEqualTo("pii_transformation");
        assertThat(emitted.getEventFormat()).isEqualTo("jsonschema");
        assertThat(emitted.getEventVersion()).isEqualTo("1-0-0");
        assertThat(emitted.getCollectorTstamp()).isEqualTo(event.getCollectorTstamp());
        assertThat(emitted.getAppId()).isEqualTo("shop");

        JsonNode parent = MAPPER.readTree(emitted.getContexts()).path("data").get(0);
        assertThat(parent.path("schema").asText())
                .isEqualTo("iglu:com.snowplowanalytics.snowplow/parent_event/jsonschema/1-0-0");
        assertThat(parent.path("data").path("parentEventId").asText()).isEqualTo(event.getEventId());

        JsonNode unstruct = MAPPER.readTree(emitted.getUnstructEvent());
        assertThat(unstruct.path("schema").asText())
                .isEqualTo("iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0");
        assertThat(unstruct.path("data").path("schema").asText())
                .isEqualTo("iglu:com.snowplowanalytics.snowplow/pii_transformation/jsonschema/1-0-0");
        JsonNode data = unstruct.path("data").path("data");
        assertThat(data.path("strategy").path("pseudonymize").path("hashFunction").asText()).isEqualTo("SHA-256");
        assertThat(data.toString()).doesNotContain("pepper");
        JsonNode pojo = data.path("pii").path("pojo").get(0);
        assertThat(pojo.path("fieldName").asText()).isEqualTo("user_id");
        assertThat(pojo.path("originalValue").asText()).isEqualTo("alice@example.com");
        assertThat(pojo.path("modifiedValue").asText()).isEqualTo(ALICE_SHA256);
        JsonNode json = data.path("pii").path("json").get(0);
        assertThat(json.path("fieldName").asText()).isEqualTo("contexts");
        assertThat(json.path("jsonPath").asText()).isEqualTo("$.email");
        assertThat(json.path("schema").asText()).isEqualTo("iglu:com.acme/customer/jsonschema/1-0-2");
        assertThat(json.path("modifiedValue").asText()).isEqualTo(ALICE_SHA256);
    }

    @Test
    void nothingToTransformEmitsNothing() throws Exception {
        var pii = new PiiPseudonymizerEnrichment(List.of(new PiiPseudonymizerEnrichment.Pojo("domain_userid")),
                "SHA-1", "pepper", true);

        Transformation t = pii.transform(eventWithPii(), TestEvents.noContext(), List.of());

        assertThat(t.emittedEvent()).isEmpty();
    }
}
