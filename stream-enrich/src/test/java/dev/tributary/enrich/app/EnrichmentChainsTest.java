package dev.tributary.enrich.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnrichmentChainsTest {

    @Test
    void downloadedAssetsAreCachedUnderTheStateDirectory() {
        Path state = Path.of("/var/lib/tributary/stream-enrich");
        assertThat(EnrichmentChains.assetCache(Optional.of(state))).isEqualTo(state.resolve("enrichment-assets"));
        // Without one, beside Kafka Streams' own default state, never a shared folder of its own in /tmp.
        assertThat(EnrichmentChains.assetCache(Optional.empty()))
                .isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "kafka-streams", "enrichment-assets"));
    }
}
