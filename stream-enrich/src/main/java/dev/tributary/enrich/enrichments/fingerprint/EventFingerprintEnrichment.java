package dev.tributary.enrich.enrichments.fingerprint;

import dev.tributary.enrich.enrichments.Enrichment;
import dev.tributary.enrich.enrichments.EnrichmentConfig;
import dev.tributary.enrich.enrichments.EnrichmentConfigException;
import dev.tributary.enrich.enrichments.EnrichmentContext;
import dev.tributary.enrich.enrichments.EnrichmentResult;
import dev.tributary.schemas.avro.EnrichedEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * event_fingerprint_config: a hash of the event's raw tracker parameters, so that duplicates (same payload
 * sent twice) can be recognised downstream. The parameters with a value are sorted by name, the excluded
 * names dropped, each written as {@code name US value US} (US = U+001F), and the whole hashed and hex-encoded.
 */
public final class EventFingerprintEnrichment implements Enrichment {

    private static final char UNIT_SEPARATOR = '\u001f';
    private static final Map<String, String> ALGORITHMS = Map.of(
            "MD5", "MD5", "SHA1", "SHA-1", "SHA256", "SHA-256", "SHA384", "SHA-384", "SHA512", "SHA-512");

    private final String algorithm;
    private final Set<String> excluded;

    /**
     * @param hashAlgorithm one of Snowplow's names: MD5, SHA1, SHA256, SHA384, SHA512
     */
    public EventFingerprintEnrichment(String hashAlgorithm, List<String> excludeParameters) {
        String jca = ALGORITHMS.get(hashAlgorithm);
        if (jca == null) {
            throw new IllegalArgumentException("unsupported hash algorithm " + hashAlgorithm);
        }
        this.algorithm = jca;
        this.excluded = Set.copyOf(excludeParameters);
    }

    public static Enrichment create(EnrichmentConfig config) throws EnrichmentConfigException {
        String algorithm = config.requiredString("hashAlgorithm");
        if (!ALGORITHMS.containsKey(algorithm)) {
            throw config.error("parameters.hashAlgorithm",
                    "expected one of MD5, SHA1, SHA256, SHA384, SHA512, got \"" + algorithm + "\"");
        }
        return new EventFingerprintEnrichment(algorithm, config.stringList("excludeParameters", true));
    }

    @Override
    public String name() {
        return "event_fingerprint_config";
    }

    @Override
    public EnrichmentResult enrich(EnrichedEvent event, EnrichmentContext context) {
        event.setEventFingerprint(fingerprint(context.rawParameters()));
        return EnrichmentResult.none();
    }

    /** The fingerprint of {@code parameters}. */
    public String fingerprint(Map<String, String> parameters) {
        StringBuilder text = new StringBuilder();
        // Sorted by Java String order (UTF-16 code units), as Scala's sortWith(_ < _) on strings.
        for (Map.Entry<String, String> p : new TreeMap<>(parameters).entrySet()) {
            if (p.getValue() != null && !excluded.contains(p.getKey())) {
                text.append(p.getKey()).append(UNIT_SEPARATOR).append(p.getValue()).append(UNIT_SEPARATOR);
            }
        }
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            return HexFormat.of().formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + algorithm, e);
        }
    }
}
