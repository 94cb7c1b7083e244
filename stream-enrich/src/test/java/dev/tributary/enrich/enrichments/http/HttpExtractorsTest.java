package dev.tributary.enrich.enrichments.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.enrich.enrichments.EnrichmentContext;
import dev.tributary.enrich.enrichments.TestEvents;
import dev.tributary.schemas.iglu.Resolver;
import dev.tributary.schemas.iglu.SelfDescribingJson;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HttpExtractorsTest {

    private static final EnrichmentContext REQUEST = new EnrichmentContext(Map.of(), List.of(
            "Host: collector.example.com",
            "Cookie: sp=4b1c3a8e-0a3f-4e39-9c2e-1f4c8d0b7a11; _ga=GA1.2.3; theme=\"dark\"",
            "X-Forwarded-For: 203.0.113.9",
            "cookie: other=1; sp2=no",
            "Accept-Language: en-GB"));

    @Test
    void cookieExtractorEmitsOneContextPerConfiguredCookie() {
        var result = new CookieExtractorEnrichment(List.of("sp", "theme", "missing"))
                .enrich(TestEvents.pageView("https://a.example/"), REQUEST);

        assertThat(result.derivedContexts()).extracting(SelfDescribingJson::toString).containsExactly(
                "{\"schema\":\"iglu:org.ietf/http_cookie/jsonschema/1-0-0\",\"data\":{\"name\":\"sp\","
                        + "\"value\":\"4b1c3a8e-0a3f-4e39-9c2e-1f4c8d0b7a11\"}}",
                "{\"schema\":\"iglu:org.ietf/http_cookie/jsonschema/1-0-0\",\"data\":{\"name\":\"theme\","
                        + "\"value\":\"dark\"}}");
        result.derivedContexts().forEach(c -> assertThat(Resolver.bundled().validate(c).isValid()).isTrue());
    }

    @Test
    void headerExtractorEmitsEveryHeaderWhoseWholeNameMatches() {
        var result = new HttpHeaderExtractorEnrichment(Pattern.compile("X-Forwarded-For|Accept-.*"))
                .enrich(TestEvents.pageView("https://a.example/"), REQUEST);

        assertThat(result.derivedContexts()).extracting(SelfDescribingJson::toString).containsExactly(
                "{\"schema\":\"iglu:org.ietf/http_header/jsonschema/1-0-0\",\"data\":{\"name\":\"X-Forwarded-For\","
                        + "\"value\":\"203.0.113.9\"}}",
                "{\"schema\":\"iglu:org.ietf/http_header/jsonschema/1-0-0\",\"data\":{\"name\":\"Accept-Language\","
                        + "\"value\":\"en-GB\"}}");
        result.derivedContexts().forEach(c -> assertThat(Resolver.bundled().validate(c).isValid()).isTrue());
    }

    @Test
    void noMatchingHeaderNoContext() {
        var result = new HttpHeaderExtractorEnrichment(Pattern.compile("Authorization"))
                .enrich(TestEvents.pageView("https://a.example/"), REQUEST);

        assertThat(result.derivedContexts()).isEmpty();
    }
}
