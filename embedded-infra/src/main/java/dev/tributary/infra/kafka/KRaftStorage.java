package dev.tributary.infra.kafka;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The equivalent of {@code kafka-storage.sh format} for a single combined node. A directory that already holds
 * {@code meta.properties} is left alone: re-formatting would write a fresh bootstrap snapshot and a new cluster id,
 * and the broker would then refuse the existing logs.
 */
final class KRaftStorage {

    private final Path logDir;

    KRaftStorage(Path logDir) {
        this.logDir = logDir;
    }

    /** Returns the cluster id the directory is (now) formatted with. */
    String formatIfNeeded(int nodeId, String controllerListenerName) {
        try {
            Files.createDirectories(logDir);
            var existing = new MetaPropertiesEnsemble.Loader().addLogDirs(List.of(logDir.toString())).load();
            if (existing.clusterId().isPresent()) {
                return existing.clusterId().get();
            }
            String clusterId = Uuid.randomUuid().toString();
            // The formatter narrates what it does on its print stream; keep that out of test output.
            var narration = new ByteArrayOutputStream();
            new Formatter()
                .setPrintStream(new PrintStream(narration, true, StandardCharsets.UTF_8))
                .setNodeId(nodeId)
                .setClusterId(clusterId)
                .setControllerListenerName(controllerListenerName)
                .setMetadataLogDirectory(logDir.toString())
                .addDirectory(logDir.toString())
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
            return clusterId;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or write Kafka storage in " + logDir, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka storage in " + logDir, e);
        }
    }
}
