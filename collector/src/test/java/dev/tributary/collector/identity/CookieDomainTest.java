package dev.tributary.collector.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CookieDomainTest {

    final CookieDomain domains = new CookieDomain(List.of("acme.com", "shop.other.org"), Optional.of("fallback.net"));

    @Test
    void firstConfiguredDomainThatAnOriginHostBelongsTo() {
        assertThat(domains.select("https://acme.com")).hasValue("acme.com");
        assertThat(domains.select("https://www.ACME.com:8443")).hasValue("acme.com");
        assertThat(domains.select("https://a.shop.other.org")).hasValue("shop.other.org");
        // Several origins: any of them may match.
        assertThat(domains.select("https://nope.io https://x.acme.com")).hasValue("acme.com");
    }

    @Test
    void otherwiseTheFallbackOrNothing() {
        assertThat(domains.select("https://notacme.com")).hasValue("fallback.net");
        assertThat(domains.select("https://other.org")).hasValue("fallback.net");
        assertThat(domains.select(null)).hasValue("fallback.net");
        assertThat(domains.select("::not a url::")).hasValue("fallback.net");
        assertThat(new CookieDomain(List.of("acme.com"), Optional.empty()).select("https://else.io")).isEmpty();
    }
}
