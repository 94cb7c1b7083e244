package dev.tributary.enrich.enrichments;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an enrichment may read besides the event itself.
 *
 * @param rawParameters the event's tracker parameters as the adapter produced them (querystring and body merged),
 *                      in their original order; the event fingerprint hashes these
 * @param headers       the request headers exactly as the collector recorded them, {@code "Name: value"}
 */
public record EnrichmentContext(Map<String, String> rawParameters, List<String> headers) {

    public EnrichmentContext {
        Objects.requireNonNull(rawParameters, "rawParameters");
        rawParameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rawParameters));
        headers = List.copyOf(headers);
    }
}
