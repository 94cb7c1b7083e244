package dev.tributary.enrich.app;

import dev.tributary.runtime.config.ConfigError;
import dev.tributary.enrich.enrichments.AssetStore;
import dev.tributary.enrich.enrichments.EnrichmentChain;
import dev.tributary.enrich.enrichments.EnrichmentConfigException;
import dev.tributary.schemas.iglu.Resolver;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Builds the enrichment chain from the configured directory, or an empty chain when none is configured. Downloaded
 * assets (MaxMind and referer databases) are cached in {@code enrichment-assets} under the Kafka Streams state
 * directory: the service's own, owner-only place, rather than a folder in the shared temporary directory that any
 * local user could pre-create or swap a database in.
 */
final class EnrichmentChains {

    private EnrichmentChains() {
    }

    /** @throws ConfigError naming {@code enrich.enrichments}, the file and the field at fault */
    static EnrichmentChain load(Optional<Path> directory, Resolver resolver, Optional<Path> stateDir) {
        if (directory.isEmpty()) {
            return EnrichmentChain.empty();
        }
        try {
            return EnrichmentChain.load(directory.get(), resolver, new AssetStore(assetCache(stateDir), false));
        } catch (EnrichmentConfigException e) {
            throw new ConfigError("enrich.enrichments", "valid enrichment configurations (" + e.getMessage() + ")",
                    directory.get().toString());
        }
    }

    /** {@code <state dir>/enrichment-assets}; without a configured state dir, Kafka Streams' default one. */
    static Path assetCache(Optional<Path> stateDir) {
        return stateDir.orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "kafka-streams"))
                .resolve("enrichment-assets");
    }
}
