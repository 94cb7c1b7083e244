package dev.tributary.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.infra.kafka.EmbeddedKafka;
import dev.tributary.infra.registry.SchemaRegistryServer;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpSchemaRegistryClientTest {

    private static EmbeddedKafka kafka;
    private static SchemaRegistryServer server;
    private static HttpSchemaRegistryClient client;

    private static final Schema V1 = SchemaBuilder.record("PageView").namespace("com.acme").fields()
            .requiredString("url")
            .endRecord();
    private static final Schema V2_WITH_DEFAULT = SchemaBuilder.record("PageView").namespace("com.acme").fields()
            .requiredString("url")
            .name("title").type().stringType().stringDefault("")
            .endRecord();
    private static final Schema V2_REQUIRED_FIELD = SchemaBuilder.record("PageView").namespace("com.acme").fields()
            .requiredString("url")
            .requiredLong("visits")
            .endRecord();

    @BeforeAll
    static void startServers() {
        kafka = EmbeddedKafka.builder().start();
        server = SchemaRegistryServer.builder(kafka.bootstrapServers()).start();
        client = new HttpSchemaRegistryClient(URI.create(server.url()));
    }

    @AfterAll
    static void stopServers() {
        server.close();
        kafka.close();
    }

    @Test
    void registeringTwiceGivesTheSameIdAndTheIdResolvesToTheSchema() {
        String subject = subject();

        int id = client.register(subject, V1);

        assertThat(client.register(subject, V1)).isEqualTo(id);
        assertThat(client.idOf(subject, V1)).isEqualTo(id);
        assertThat(new HttpSchemaRegistryClient(URI.create(server.url())).schemaById(id)).isEqualTo(V1);
        assertThat(client.latest(subject)).isEqualTo(new RegisteredSchema(subject, 1, id, V1));
    }

    @Test
    void aBackwardIncompatibleSchemaIsRefusedWithAClearError() {
        String subject = subject();
        client.register(subject, V1);

        assertThat(client.isCompatible(subject, V2_REQUIRED_FIELD)).isFalse();
        assertThatThrownBy(() -> client.register(subject, V2_REQUIRED_FIELD))
                .isInstanceOfSatisfying(IncompatibleSchemaException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(409);
                })
                .hasMessageContaining("HTTP 409")
                .hasMessageContaining(subject)
                .hasMessageContaining("incompatible");
        assertThat(client.latest(subject).version()).isEqualTo(1);
    }

    @Test
    void aCompatibleEvolutionBecomesTheNextVersion() {
        String subject = subject();
        client.register(subject, V1);

        assertThat(client.isCompatible(subject, V2_WITH_DEFAULT)).isTrue();
        int id = client.register(subject, V2_WITH_DEFAULT);

        assertThat(client.latest(subject)).isEqualTo(new RegisteredSchema(subject, 2, id, V2_WITH_DEFAULT));
    }

    @Test
    void compatibilityNoneLetsAnySchemaThrough() {
        String subject = subject();
        client.register(subject, V1);
        client.setCompatibility(subject, CompatibilityLevel.NONE);

        int id = client.register(subject, V2_REQUIRED_FIELD);

        assertThat(client.latest(subject).id()).isEqualTo(id);
    }

    @Test
    void missingThingsAreNotFoundAndAnUnreachableRegistryIsAnOutage() throws Exception {
        assertThatThrownBy(() -> client.schemaById(999_999))
                .isInstanceOfSatisfying(SchemaNotFoundException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
        assertThatThrownBy(() -> client.latest(subject()))
                .isInstanceOfSatisfying(SchemaNotFoundException.class, e -> assertThat(e.errorCode()).isEqualTo(40401));

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HttpSchemaRegistryClient nowhere =
                new HttpSchemaRegistryClient(URI.create("http://localhost:" + closedPort), Duration.ofSeconds(2));
        assertThatThrownBy(() -> nowhere.register(subject(), V1))
                .isExactlyInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("unreachable")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).status()).isEqualTo(-1));
    }

    @Test
    void anOutageMessageNeverCarriesCredentialsWrittenIntoTheUrl() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HttpSchemaRegistryClient nowhere = new HttpSchemaRegistryClient(
                URI.create("http://svc-user:s3cr3t-pw@localhost:" + closedPort), Duration.ofSeconds(2));

        assertThatThrownBy(() -> nowhere.register(subject(), V1))
                .isExactlyInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("http://******@localhost:" + closedPort)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t-pw").doesNotContain("svc-user"));
    }

    private static String subject() {
        return "events-" + UUID.randomUUID() + "-value";
    }
}
