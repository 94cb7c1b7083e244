package dev.tributary.enrich.enrichments.useragent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.enrich.enrichments.EnrichmentResult;
import dev.tributary.enrich.enrichments.TestEvents;
import dev.tributary.schemas.avro.EnrichedEvent;
import dev.tributary.schemas.iglu.Resolver;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class YauaaEnrichmentTest {

    // Building the analyzer takes seconds: one for the whole class, as the chain does.
    private static YauaaEnrichment yauaa;

    @BeforeAll
    static void buildAnalyzerOnce() {
        yauaa = new YauaaEnrichment(100);
    }

    @Test
    void desktopChromeOnWindows() {
        EnrichedEvent event = TestEvents.pageView("https://a.example/");

        EnrichmentResult result = yauaa.enrich(event, TestEvents.noContext());

        assertThat(result.derivedContexts()).hasSize(1);
        var context = result.derivedContexts().get(0);
        assertThat(context.schema().toUri()).isEqualTo("iglu:nl.basjes/yauaa_context/jsonschema/1-0-4");
        JsonNode data = context.data();
        assertThat(data.path("deviceClass").asText()).isEqualTo("Desktop");
        assertThat(data.path("agentClass").asText()).isEqualTo("Browser");
        assertThat(data.path("agentName").asText()).isEqualTo("Chrome");
        assertThat(data.path("agentVersionMajor").asText()).isEqualTo("120");
        assertThat(data.path("layoutEngineName").asText()).isEqualTo("Blink");
        assertThat(data.path("operatingSystemName").asText()).isEqualTo("Windows NT");
        assertThat(Resolver.bundled().validate(context).describe()).endsWith(": valid");
    }

    @Test
    void clientHintsRefineTheFrozenUserAgentAndOtherHeadersDoNot() {
        String frozenChrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/120.0.0.0 Safari/537.36";
        var plain = yauaa.analyze(frozenChrome, List.of("Cookie: sp=abc"));
        var withHints = yauaa.analyze(frozenChrome, List.of(
                "Cookie: sp=def",
                "Sec-CH-UA-Platform: \"Windows\"",
                "Sec-CH-UA-Platform-Version: \"15.0.0\""));

        // Windows 10 and 11 both report "Windows NT 10.0", so YAUAA cannot tell without the platform-version hint.
        assertThat(plain.path("operatingSystemVersion").asText()).isEqualTo("??");
        assertThat(withHints.path("operatingSystemVersion").asText()).isEqualTo("11");
        assertThat(yauaa.analyze(frozenChrome, List.of("Cookie: sp=xyz"))).isEqualTo(plain);
    }

    @Test
    void cachedContextsAreCopiesSoALaterEnrichmentCannotAlterThem() {
        String ua = "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0";
        var first = yauaa.analyze(ua, List.of());
        first.put("agentName", "rewritten by PII");

        var second = yauaa.analyze(ua, List.of());

        assertThat(second.path("agentName").asText()).isEqualTo("Firefox");
        assertThat(second).isNotSameAs(first);
    }

    @Test
    void iphoneSafariIsAnApplePhone() {
        var data = yauaa.analyze("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1", List.of());

        assertThat(data.path("deviceClass").asText()).isEqualTo("Phone");
        assertThat(data.path("deviceBrand").asText()).isEqualTo("Apple");
        assertThat(data.path("operatingSystemName").asText()).isEqualTo("iOS");
        assertThat(data.path("agentName").asText()).isEqualTo("Safari");
    }

    @Test
    void crawlersAreRobots() {
        var data = yauaa.analyze("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                List.of());

        assertThat(data.path("deviceClass").asText()).isEqualTo("Robot");
        assertThat(data.path("agentName").asText()).isEqualTo("Googlebot");
    }

    @Test
    void withoutUserAgentOnlyTheUnknownDeviceClass() {
        EnrichedEvent event = TestEvents.pageView("https://a.example/");
        event.setUseragent(null);

        var result = yauaa.enrich(event, TestEvents.noContext());

        assertThat(result.derivedContexts().get(0).toString())
                .isEqualTo("{\"schema\":\"iglu:nl.basjes/yauaa_context/jsonschema/1-0-4\","
                        + "\"data\":{\"deviceClass\":\"Unknown\"}}");
    }

    @Test
    void onlyFieldsOfTheOutputSchemaAreEmitted() {
        var data = yauaa.analyze(TestEvents.pageView("https://a.example/").getUseragent(), List.of());

        List<String> allowed = YauaaEnrichment.FIELDS.stream().map(YauaaEnrichment::decapitalize).toList();
        data.fieldNames().forEachRemaining(name -> assertThat(allowed).contains(name));
    }

    @Test
    void parallelParsesAgreeWithSerialOnes() throws Exception {
        // the chain shares one analyzer between stream threads
        List<String> agents = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            agents.add("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/"
                    + (80 + i) + ".0.0.0 Safari/537.36");
            agents.add("Mozilla/5.0 (X11; Linux x86_64; rv:" + (90 + i) + ".0) Gecko/20100101 Firefox/" + (90 + i)
                    + ".0");
        }
        YauaaEnrichment uncached = new YauaaEnrichment(0);
        List<String> serial = agents.stream().map(a -> uncached.analyze(a, List.of()).toString()).toList();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var futures = agents.stream().map(a -> pool.submit(() -> uncached.analyze(a, List.of()).toString()))
                    .toList();
            for (int i = 0; i < agents.size(); i++) {
                assertThat(futures.get(i).get()).as(agents.get(i)).isEqualTo(serial.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(serial.get(1)).contains("\"agentName\":\"Firefox\"");
    }
}
