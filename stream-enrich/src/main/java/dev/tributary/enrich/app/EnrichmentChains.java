package dev.tributary.enrich.app;

import dev.tributary.enrich.enrichments.EnrichmentChain;
import dev.tributary.schemas.iglu.Resolver;
import java.nio.file.Path;
import java.util.Optional;

/** Builds the enrichment chain from the configured directory, or an empty chain when none is configured. */
final class EnrichmentChains {

    private EnrichmentChains() {
    }

    static EnrichmentChain load(Optional<Path> directory, Resolver resolver) {
        if (directory.isEmpty()) {
            return EnrichmentChain.empty();
        }
        throw new dev.tributary.enrich.config.EnrichConfigException("enrich.enrichments",
                "enrichment loading is not available in this build");
    }
}
