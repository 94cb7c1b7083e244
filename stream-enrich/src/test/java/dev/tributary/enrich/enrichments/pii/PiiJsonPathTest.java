package dev.tributary.enrich.enrichments.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.enrich.enrichments.TestEvents;
import dev.tributary.schemas.avro.EnrichedEvent;
import dev.tributary.schemas.iglu.SchemaCriterion;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The JSONPath forms of Snowplow's documented PII enrichment configurations (docs.snowplow.io "PII
 * pseudonymization enrichment": {@code $.['clientId', 'userId']}, {@code $.data.['email', 'ip_opt']},
 * {@code $.emailAddress}) plus bracket names, deep scan and filters, which Jayway json-path evaluates as
 * Snowplow's enrichment does.
 */
class PiiJsonPathTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ENTITY = "{\"email\":\"a@x.com\",\"clientId\":\"c-1\",\"userId\":\"u-1\","
            + "\"emailAddress\":\"b@x.com\",\"tier\":\"gold\","
            + "\"data\":{\"email\":\"d@x.com\",\"ip_opt\":\"10.0.0.1\",\"other\":\"keep\"},"
            + "\"addresses\":[{\"city\":\"London\",\"street\":\"s1\"},{\"city\":\"Paris\",\"street\":\"s2\"}],"
            + "\"nested\":{\"deeper\":{\"email\":\"e@x.com\"}}}";

    /** Rewrites ENTITY (an unstruct_event of com.acme/customer 1-0-0) with {@code path}; returns the new entity. */
    private static JsonNode rewrite(String path) throws Exception {
        var pii = new PiiPseudonymizerEnrichment(List.of(new PiiPseudonymizerEnrichment.Json("unstruct_event",
                SchemaCriterion.parse("iglu:com.acme/customer/jsonschema/1-*-*"), path)), "MD5", "s", false);
        EnrichedEvent event = TestEvents.pageView("https://a.example/");
        event.setUnstructEvent("{\"schema\":\"iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0\","
                + "\"data\":{\"schema\":\"iglu:com.acme/customer/jsonschema/1-0-0\",\"data\":" + ENTITY + "}}");
        pii.transform(event, TestEvents.noContext(), List.of());
        return MAPPER.readTree(event.getUnstructEvent()).path("data").path("data");
    }

    /** The JSON pointers (into ENTITY) whose string changed; every other string is unchanged. */
    private static List<String> changed(JsonNode after) throws Exception {
        JsonNode before = MAPPER.readTree(ENTITY);
        List<String> pointers = new java.util.ArrayList<>();
        collect(before, after, "", pointers);
        return pointers;
    }

    private static void collect(JsonNode before, JsonNode after, String at, List<String> out) {
        if (before.isTextual()) {
            if (!before.equals(after)) {
                assertThat(after.asText()).as(at).hasSize(32); // an MD5 hex
                out.add(at);
            }
        } else if (before.isObject()) {
            before.fieldNames().forEachRemaining(n -> collect(before.get(n), after.get(n), at + "/" + n, out));
        } else if (before.isArray()) {
            for (int i = 0; i < before.size(); i++) {
                collect(before.get(i), after.get(i), at + "/" + i, out);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "$.email                                  | /email",
        "$.['email']                              | /email",
        "$['email']                               | /email",
        "$.emailAddress                           | /emailAddress",
        "$.['clientId', 'userId']                 | /clientId /userId",
        "$.data.['email', 'ip_opt']               | /data/email /data/ip_opt",
        "$..email                                 | /email /data/email /nested/deeper/email",
        "$.addresses[*].street                    | /addresses/0/street /addresses/1/street",
        "$.addresses[1].street                    | /addresses/1/street",
        "$.addresses[?(@.city == 'London')].street | /addresses/0/street",
        "$.missing                                | ''",
        "$.addresses[?(@.zip == '1')].street      | ''",
    })
    void snowplowJsonPaths(String path, String expected) throws Exception {
        List<String> want = expected.isBlank() ? List.of() : List.of(expected.trim().split(" "));

        assertThat(changed(rewrite(path.trim()))).containsExactlyInAnyOrderElementsOf(want);
    }

    @Test
    void invalidPathsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> PiiPseudonymizerEnrichment.compile("email"))
                .hasMessageContaining("expected a JSONPath starting with $");
        assertThatThrownBy(() -> PiiPseudonymizerEnrichment.compile("$.addresses[?(@.city == 'London'"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid JSONPath");
    }
}
