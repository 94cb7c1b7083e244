package dev.tributary.enrich.enrichments;

/** Builds one enrichment from its validated configuration file. */
@FunctionalInterface
public interface EnrichmentFactory {

    Enrichment create(EnrichmentConfig config) throws EnrichmentConfigException;
}
