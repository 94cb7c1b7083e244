package dev.tributary.infra.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.infra.kafka.EmbeddedKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaRegistryServerTest {

    private static final String USER_V1 = """
        {"type":"record","name":"User","namespace":"dev.tributary.test",
         "fields":[{"name":"id","type":"string"}]}""";
    private static final String USER_V1_REFORMATTED = """
        {
          "type" : "record", "name" : "User", "namespace" : "dev.tributary.test",
          "fields" : [ { "name" : "id", "type" : "string" } ]
        }""";
    /** Adds a field without a default: a v2 reader cannot read v1 data. */
    private static final String USER_REQUIRED_EMAIL = """
        {"type":"record","name":"User","namespace":"dev.tributary.test",
         "fields":[{"name":"id","type":"string"},{"name":"email","type":"string"}]}""";
    /** Adds a field with a default: a v2 reader fills it in for v1 data. */
    private static final String USER_OPTIONAL_EMAIL = """
        {"type":"record","name":"User","namespace":"dev.tributary.test",
         "fields":[{"name":"id","type":"string"},{"name":"email","type":["null","string"],"default":null}]}""";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static EmbeddedKafka kafka;

    private String topic;
    private SchemaRegistryServer registry;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafka.builder().start();
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @BeforeEach
    void startRegistry() {
        // A topic per test: every test starts from an empty registry with the default global level.
        topic = "_schemas-" + UUID.randomUUID();
        registry = SchemaRegistryServer.builder(kafka.bootstrapServers()).topic(topic).start();
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void registeringTheSameSchemaAgainReturnsTheSameIdAndNoNewVersion() throws Exception {
        Response first = register("users-value", USER_V1);
        Response again = register("users-value", USER_V1_REFORMATTED);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("id").asInt()).isPositive();
        assertThat(again.body().get("id").asInt()).isEqualTo(first.body().get("id").asInt());
        assertThat(get("/subjects/users-value/versions").body()).containsExactly(JSON.getNodeFactory().numberNode(1));
    }

    @Test
    void theSameSchemaUnderAnotherSubjectReusesTheGlobalId() throws Exception {
        int id = register("users-value", USER_V1).body().get("id").asInt();

        Response other = register("accounts-value", USER_V1);

        assertThat(other.body().get("id").asInt()).isEqualTo(id);
        assertThat(get("/subjects").body()).extracting(JsonNode::asText).containsExactly("accounts-value", "users-value");
    }

    @Test
    void servesSchemasByIdAndByVersion() throws Exception {
        int id = register("users-value", USER_V1).body().get("id").asInt();

        Response byId = get("/schemas/ids/" + id);
        Response latest = get("/subjects/users-value/versions/latest");
        Response first = get("/subjects/users-value/versions/1");

        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(JSON.readTree(byId.body().get("schema").asText())).isEqualTo(JSON.readTree(USER_V1));
        assertThat(latest.body()).isEqualTo(first.body());
        assertThat(latest.body().get("subject").asText()).isEqualTo("users-value");
        assertThat(latest.body().get("version").asInt()).isEqualTo(1);
        assertThat(latest.body().get("id").asInt()).isEqualTo(id);
        assertThat(latest.body().get("schema").asText()).isEqualTo(byId.body().get("schema").asText());
    }

    @Test
    void lookupFindsTheVersionOfARegisteredSchema() throws Exception {
        int id = register("users-value", USER_V1).body().get("id").asInt();

        Response found = post("/subjects/users-value", Map.of("schema", USER_V1_REFORMATTED));
        Response missing = post("/subjects/users-value", Map.of("schema", USER_OPTIONAL_EMAIL));

        assertThat(found.body().get("id").asInt()).isEqualTo(id);
        assertThat(found.body().get("version").asInt()).isEqualTo(1);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo(40403);
    }

    @Test
    void backwardIncompatibleSchemaIsRejectedWith409() throws Exception {
        register("users-value", USER_V1);

        Response rejected = register("users-value", USER_REQUIRED_EMAIL);

        assertThat(rejected.status()).isEqualTo(409);
        assertThat(rejected.errorCode()).isEqualTo(409);
        assertThat(rejected.body().get("message").asText())
            .startsWith("Schema being registered is incompatible with an earlier schema for subject \"users-value\"")
            .contains("READER_FIELD_MISSING_DEFAULT_VALUE");
        assertThat(compatible("users-value", USER_REQUIRED_EMAIL)).isFalse();
        assertThat(get("/subjects/users-value/versions").body()).hasSize(1);
    }

    @Test
    void compatibleEvolutionBecomesTheNextVersion() throws Exception {
        int v1 = register("users-value", USER_V1).body().get("id").asInt();
        assertThat(compatible("users-value", USER_OPTIONAL_EMAIL)).isTrue();

        int v2 = register("users-value", USER_OPTIONAL_EMAIL).body().get("id").asInt();

        assertThat(v2).isNotEqualTo(v1);
        Response latest = get("/subjects/users-value/versions/latest");
        assertThat(latest.body().get("version").asInt()).isEqualTo(2);
        assertThat(latest.body().get("id").asInt()).isEqualTo(v2);
    }

    @Test
    void compatibilityNoneAcceptsAnIncompatibleSchema() throws Exception {
        register("users-value", USER_V1);

        Response put = put("/config", Map.of("compatibility", "NONE"));
        Response accepted = register("users-value", USER_REQUIRED_EMAIL);

        assertThat(put.body().get("compatibility").asText()).isEqualTo("NONE");
        assertThat(get("/config").body().get("compatibilityLevel").asText()).isEqualTo("NONE");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(get("/subjects/users-value/versions").body()).hasSize(2);
    }

    @Test
    void subjectLevelOverridesTheGlobalLevel() throws Exception {
        register("users-value", USER_V1);
        put("/config/users-value", Map.of("compatibility", "FORWARD"));

        assertThat(get("/config/users-value").body().get("compatibility").asText()).isEqualTo("FORWARD");
        assertThat(get("/config/accounts-value").errorCode()).isEqualTo(40408);
        assertThat(get("/config/accounts-value?defaultToGlobal=true").body().get("compatibility").asText())
            .isEqualTo("BACKWARD");
        // FORWARD: the old reader ignores the new required field, so this is fine now.
        assertThat(register("users-value", USER_REQUIRED_EMAIL).status()).isEqualTo(200);
        assertThat(put("/config", Map.of("compatibility", "SIDEWAYS")).errorCode()).isEqualTo(42203);
    }

    @Test
    void aRestartedRegistryServesWhatWasRegisteredBefore() throws Exception {
        int v1 = register("users-value", USER_V1).body().get("id").asInt();
        put("/config/users-value", Map.of("compatibility", "NONE"));
        registry.close();

        registry = SchemaRegistryServer.builder(kafka.bootstrapServers()).topic(topic).start();

        assertThat(JSON.readTree(get("/schemas/ids/" + v1).body().get("schema").asText())).isEqualTo(JSON.readTree(USER_V1));
        assertThat(get("/config/users-value").body().get("compatibility").asText()).isEqualTo("NONE");
        assertThat(register("users-value", USER_V1).body().get("id").asInt()).isEqualTo(v1);
        int v2 = register("users-value", USER_REQUIRED_EMAIL).body().get("id").asInt();
        assertThat(v2).isGreaterThan(v1);
        assertThat(get("/subjects/users-value/versions/latest").body().get("version").asInt()).isEqualTo(2);
    }

    @Test
    void missingThingsAndBadInputHaveConfluentErrorCodes() throws Exception {
        register("users-value", USER_V1);

        assertThat(get("/schemas/ids/9999")).satisfies(response -> {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.errorCode()).isEqualTo(40403);
            assertThat(response.body().get("message").asText()).isEqualTo("Schema not found");
        });
        assertThat(get("/subjects/nobody/versions").errorCode()).isEqualTo(40401);
        assertThat(get("/subjects/nobody/versions/latest").errorCode()).isEqualTo(40401);
        assertThat(get("/subjects/users-value/versions/7").errorCode()).isEqualTo(40402);
        assertThat(get("/subjects/users-value/versions/seven").errorCode()).isEqualTo(42202);
        Response unparseable = register("users-value", "{\"type\":\"record\",\"name\":\"Broken\"}");
        assertThat(unparseable.status()).isEqualTo(422);
        assertThat(unparseable.errorCode()).isEqualTo(42201);
    }

    private boolean compatible(String subject, String schema) throws IOException, InterruptedException {
        Response response = post("/compatibility/subjects/" + subject + "/versions/latest", Map.of("schema", schema));
        assertThat(response.status()).isEqualTo(200);
        return response.body().get("is_compatible").asBoolean();
    }

    private Response register(String subject, String schema) throws IOException, InterruptedException {
        return post("/subjects/" + subject + "/versions", Map.of("schema", schema));
    }

    private Response get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    private Response post(String path, Object body) throws IOException, InterruptedException {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
    }

    private Response put(String path, Object body) throws IOException, InterruptedException {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(registry.url() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
            .header("Accept", "application/vnd.schemaregistry.v1+json");
    }

    private static Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
            JSON.readTree(response.body()));
    }

    private record Response(int status, String contentType, JsonNode body) {

        int errorCode() {
            return body.path("error_code").asInt();
        }
    }
}
