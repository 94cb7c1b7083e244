package dev.tributary.schemas.badrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.schemas.iglu.Resolver;
import dev.tributary.schemas.iglu.SelfDescribingJson;
import dev.tributary.schemas.iglu.ValidationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance test: every bad row we write validates against its own schema through the Iglu resolver, and
 * the schemas are strict enough to reject a damaged row.
 */
class BadRowSchemaTest {

    private static final Resolver RESOLVER = Resolver.bundled();
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<BadRow> examples() {
        return BadRowExamples.all();
    }

    @Test
    void thereIsOneExamplePerBadRowType() {
        assertThat(examples()).extracting(r -> r.getClass().getSimpleName()).doesNotHaveDuplicates()
                .hasSize(BadRow.class.getPermittedSubclasses().length);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void validatesAgainstItsOwnSchema(BadRow row) throws Exception {
        String line = row.toJsonLine();
        assertThat(line).doesNotContain("\n").startsWith("{\"schema\":\"" + row.schemaKey().toUri() + "\"");

        SelfDescribingJson json = SelfDescribingJson.parse(line);
        ValidationResult result = RESOLVER.validate(json);

        assertThat(result.isValid()).as(result.describe()).isTrue();
        assertThat(json.data().fieldNames()).toIterable().containsExactly("processor", "failure", "payload");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void aRowWithoutItsProcessorIsRejected(BadRow row) {
        ObjectNode json = row.toJson();
        ((ObjectNode) json.get("data")).remove("processor");

        assertThat(RESOLVER.validate(SelfDescribingJson.parse(json)).isValid()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void aRowWithAnUnknownFailureFieldOrMissingRequiredFieldIsRejected(BadRow row) {
        ObjectNode json = row.toJson();
        ObjectNode data = (ObjectNode) json.get("data");
        JsonNode failure = data.get("failure");
        if (failure.isObject()) {
            ((ObjectNode) failure).put("unexpected", true);
        } else if (failure.isArray()) {
            ((ObjectNode) failure.get(0)).remove("schemaKey");
        } else {
            data.put("failure", 42);
        }

        ValidationResult result = RESOLVER.validate(SelfDescribingJson.parse(json));

        assertThat(result).isInstanceOf(ValidationResult.Invalid.class);
        assertThat(((ValidationResult.Invalid) result).issues()).isNotEmpty()
                .allSatisfy(issue -> assertThat(issue.path()).startsWith("$"));
    }

    @Test
    void aMissingRequiredFieldIsReportedWithItsPath() {
        ObjectNode json = BadRowExamples.sizeViolation().toJson();
        ((ObjectNode) json.path("data").path("failure")).remove("actualSizeBytes");

        ValidationResult.Invalid result = (ValidationResult.Invalid) RESOLVER.validate(SelfDescribingJson.parse(json));

        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.path()).isEqualTo("$.failure");
            assertThat(issue.keyword()).isEqualTo("required");
            assertThat(issue.message()).contains("actualSizeBytes");
        });
    }

    @Test
    void aWronglyTypedEnrichedFieldIsRejected() {
        ObjectNode json = BadRowExamples.schemaViolations().toJson();
        ((ObjectNode) json.at("/data/payload/enriched")).put("page_urlport", "443");

        assertThat(RESOLVER.validate(SelfDescribingJson.parse(json)).isValid()).isFalse();
    }

    @Test
    void aNonUuidNetworkUserIdIsRejected() {
        ObjectNode json = BadRowExamples.adapterFailures().toJson();
        ((ObjectNode) json.at("/data/payload")).put("networkUserId", "not-a-uuid");

        assertThat(RESOLVER.validate(SelfDescribingJson.parse(json)).isValid()).isFalse();
    }

    @Test
    void serialisationIsStable() throws Exception {
        for (BadRow row : examples()) {
            assertThat(row.toJsonLine()).isEqualTo(row.toJsonLine());
            assertThat(JSON.readTree(row.toJsonLine()).path("schema").asText()).isEqualTo(row.schemaKey().toUri());
        }
    }
}
