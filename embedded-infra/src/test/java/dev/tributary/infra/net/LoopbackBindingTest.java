package dev.tributary.infra.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.infra.kafka.EmbeddedKafka;
import dev.tributary.infra.postgres.EmbeddedPostgresServer;
import dev.tributary.infra.registry.SchemaRegistryServer;
import dev.tributary.infra.s3.EmbeddedS3;
import dev.tributary.infra.net.ListeningSockets.Listener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every embedded server listens on loopback unless told otherwise, and keeps its data owner-only. The kernel's socket
 * table is the witness: it shows the address each socket is really bound to, whatever the server's config claims.
 */
class LoopbackBindingTest {

    @TempDir
    Path temp;

    @Test
    void everyServerListensOnLoopbackOnlyByDefault() {
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(temp.resolve("kafka")).start();
             SchemaRegistryServer registry = SchemaRegistryServer.builder(kafka.bootstrapServers()).start();
             EmbeddedS3 s3 = EmbeddedS3.builder().dataDir(temp.resolve("s3")).build().start();
             EmbeddedPostgresServer postgres = EmbeddedPostgresServer.builder()
                     .dataDir(temp.resolve("pg").resolve("data")).build().start()) {

            for (int port : List.of(kafka.port(), kafka.controllerPort(), registry.port(), s3.port(), postgres.port())) {
                List<Listener> listeners = ListeningSockets.onPort(port);
                assertThat(listeners).as("listeners on port %d", port).isNotEmpty()
                        .allSatisfy(l -> assertThat(l.isLoopback()).as("%s on port %d", l.address(), port).isTrue());
            }
            // Also what nobody asked for: S3Mock adds connectors of its own (plain HTTP, S3 Vectors), which ignore
            // server.address. Every socket this JVM listens on must be loopback.
            assertThat(ListeningSockets.ofThisProcess()).hasSizeGreaterThanOrEqualTo(4)
                    .allSatisfy(l -> assertThat(l.isLoopback()).as("%s:%d", l.address(), l.port()).isTrue());

            assertThat(kafka.bootstrapServers()).isEqualTo("localhost:" + kafka.port());
            assertThat(registry.url()).isEqualTo("http://localhost:" + registry.port());
            assertThat(s3.endpoint().toString()).isEqualTo("http://localhost:" + s3.port());
            assertThat(postgres.jdbcUrl()).startsWith("jdbc:postgresql://localhost:" + postgres.port() + "/");
        }
    }

    @Test
    void aWildcardBindAddressIsHonouredForThoseWhoAskForIt() {
        BindAddress everywhere = BindAddress.parse("bind-address", "0.0.0.0");
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().bindAddress(everywhere).start();
             SchemaRegistryServer registry = SchemaRegistryServer.builder(kafka.bootstrapServers())
                     .bindAddress(everywhere).start();
             EmbeddedS3 s3 = EmbeddedS3.builder().bindAddress(everywhere).build().start()) {
            for (int port : List.of(kafka.port(), registry.port(), s3.port())) {
                assertThat(ListeningSockets.onPort(port)).as("listeners on port %d", port).isNotEmpty()
                        .allSatisfy(l -> assertThat(l.address().isAnyLocalAddress()).isTrue());
            }
        }
    }

    @Test
    void dataDirectoriesAreOwnerOnly() throws Exception {
        Path kafkaDir = temp.resolve("new/kafka");
        Path s3Dir = temp.resolve("new/s3");
        Path pgDir = temp.resolve("new/pg/data");
        // An older, world-readable S3 store is tightened on start.
        Files.createDirectories(s3Dir);
        Files.setPosixFilePermissions(s3Dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(kafkaDir).start();
             EmbeddedS3 s3 = EmbeddedS3.builder().dataDir(s3Dir).build().start();
             EmbeddedPostgresServer postgres = EmbeddedPostgresServer.builder().dataDir(pgDir).build().start()) {
            for (Path dir : List.of(kafkaDir, s3Dir, pgDir, pgDir.getParent())) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).as(dir.toString())
                        .isEqualTo("rwx------");
            }
        }
    }
}
