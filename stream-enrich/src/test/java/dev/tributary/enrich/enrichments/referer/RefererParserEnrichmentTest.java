package dev.tributary.enrich.enrichments.referer;

import static dev.tributary.enrich.enrichments.TestEvents.noContext;
import static dev.tributary.enrich.enrichments.TestEvents.pageView;
import static dev.tributary.enrich.enrichments.TestEvents.withReferrer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.schemas.avro.EnrichedEvent;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RefererParserEnrichmentTest {

    private static RefererParserEnrichment enrichment;

    @BeforeAll
    static void loadTestDatabase() throws Exception {
        try (InputStream in = RefererParserEnrichmentTest.class
                .getResourceAsStream("/enrichments-test/referers-test.json")) {
            enrichment = new RefererParserEnrichment(RefererDatabase.parse(in), List.of("blog.shop.example"));
        }
    }

    @ParameterizedTest(name = "{0} -> {1}/{2}/{3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // search engine: the first of its parameters present in the query is the term
        "https://www.google.com/search?q=red+shoes&hl=en      | search   | Google      | red shoes",
        "https://www.google.co.uk/search?hl=en&query=boots     | search   | Google      | boots",
        // unknown subdomains fall back to the registered domain
        "https://news.google.co.uk/x                           | search   | Google      | -",
        // a path-specific entry beats the host entry
        "https://google.com/products/catalog?q=lamp            | search   | Google Product Search | lamp",
        // a more specific host (mail.google.com) beats its parent (google.com)
        "https://mail.google.com/mail/u/0                      | email    | Gmail       | -",
        "https://m.facebook.com/story.php?q=ignored            | social   | Facebook    | -",
        "https://ad.doubleclick.net/click                      | paid     | DoubleClick | -",
        "https://www.unheard-of.example/page                   | unknown  | -           | -",
        // the page's own host and the configured internal domains are internal
        "https://shop.example.com/cart                         | internal | -           | -",
        "https://blog.shop.example/post                        | internal | -           | -",
    })
    void classifiesTheReferrer(String referrer, String medium, String source, String term) throws Exception {
        EnrichedEvent event = withReferrer(pageView("https://shop.example.com/landing"), referrer);

        enrichment.enrich(event, noContext());

        assertThat(event.getRefrMedium()).isEqualTo(medium);
        assertThat(event.getRefrSource()).isEqualTo(source);
        assertThat(event.getRefrTerm()).isEqualTo(term);
    }

    @ParameterizedTest
    @CsvSource({"android-app://com.google.android.gm", "ftp://files.example.com/x"})
    void nonHttpReferrersAreNotClassified(String referrer) throws Exception {
        EnrichedEvent event = withReferrer(pageView("https://shop.example.com/"), referrer);

        enrichment.enrich(event, noContext());

        assertThat(event.getRefrMedium()).isNull();
    }

    @org.junit.jupiter.api.Test
    void aReferrerNotExplodedByTheMappingIsParsedFromPageReferrer() throws Exception {
        EnrichedEvent event = pageView("https://shop.example.com/");
        event.setPageReferrer("https://duckduckgo.com/?q=tributary");

        enrichment.enrich(event, noContext());

        assertThat(event.getRefrMedium()).isEqualTo("search");
        assertThat(event.getRefrSource()).isEqualTo("DuckDuckGo");
        assertThat(event.getRefrTerm()).isEqualTo("tributary");
    }
}
