package dev.tributary.enrich.enrichments.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.enrich.enrichments.TestEvents;
import dev.tributary.schemas.avro.EnrichedEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventFingerprintEnrichmentTest {

    /** Unsorted on purpose; eid and stm are excluded below. */
    private static Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("url", "http://a.com/?x=1");
        p.put("tv", "js-3.0.0");
        p.put("eid", "c6ef3124-b53a-4b13-a233-0088f79dcbcb");
        p.put("e", "pv");
        p.put("stm", "1700000000000");
        p.put("p", "web");
        return p;
    }

    // Expected digests computed independently (Python hashlib) over the spec's canonical text, the kept
    // parameters sorted by name, each "name US value US":
    // "e\u001fpv\u001fp\u001fweb\u001ftv\u001fjs-3.0.0\u001furl\u001fhttp://a.com/?x=1\u001f"
    @Test
    void md5OfTheSortedKeptParameters() {
        var enrichment = new EventFingerprintEnrichment("MD5", List.of("eid", "stm"));
        EnrichedEvent event = TestEvents.pageView("http://a.com/?x=1");

        enrichment.enrich(event, TestEvents.context(parameters(), List.of()));

        assertThat(event.getEventFingerprint()).isEqualTo("261282444d13516c8e05709fe04fd2c9");
    }

    @Test
    void sha256OfTheSameText() {
        var enrichment = new EventFingerprintEnrichment("SHA256", List.of("eid", "stm"));

        assertThat(enrichment.fingerprint(parameters()))
                .isEqualTo("8cbaeef80d3eaaf10ec770737d0816dd33730e651411d5c78b4fa693f8ed7bbd");
    }

    @Test
    void excludedParametersDoNotChangeTheFingerprint() {
        var enrichment = new EventFingerprintEnrichment("MD5", List.of("eid", "stm"));
        Map<String, String> resent = parameters();
        resent.put("eid", "00000000-0000-4000-8000-000000000000");
        resent.put("stm", "1800000000000");

        assertThat(enrichment.fingerprint(resent)).isEqualTo(enrichment.fingerprint(parameters()));
        Map<String, String> other = parameters();
        other.put("e", "se");
        assertThat(enrichment.fingerprint(other)).isNotEqualTo(enrichment.fingerprint(parameters()));
    }

    @Test
    void noParametersHashesTheEmptyText() {
        // SHA-1 of the empty string is a well-known constant
        assertThat(new EventFingerprintEnrichment("SHA1", List.of()).fingerprint(Map.of()))
                .isEqualTo("da39a3ee5e6b4b0d3255bfef95601890afd80709");
    }
}
