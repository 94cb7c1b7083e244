package dev.tributary.enrich.app;

import dev.tributary.enrich.config.EnrichConfigException;
import dev.tributary.enrich.enrichments.EnrichmentChain;
import dev.tributary.enrich.enrichments.EnrichmentConfigException;
import dev.tributary.schemas.iglu.Resolver;
import java.nio.file.Path;
import java.util.Optional;

/** Builds the enrichment chain from the configured directory, or an empty chain when none is configured. */
final class EnrichmentChains {

    private EnrichmentChains() {
    }

    /** @throws EnrichConfigException naming {@code enrich.enrichments}, the file and the field at fault */
    static EnrichmentChain load(Optional<Path> directory, Resolver resolver) {
        if (directory.isEmpty()) {
            return EnrichmentChain.empty();
        }
        try {
            return EnrichmentChain.load(directory.get(), resolver);
        } catch (EnrichmentConfigException e) {
            throw new EnrichConfigException("enrich.enrichments",
                    "invalid enrichment configuration in " + directory.get() + ": " + e.getMessage(), e);
        }
    }
}
