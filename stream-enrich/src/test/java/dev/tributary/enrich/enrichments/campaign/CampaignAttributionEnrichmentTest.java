package dev.tributary.enrich.enrichments.campaign;

import static dev.tributary.enrich.enrichments.TestEvents.noContext;
import static dev.tributary.enrich.enrichments.TestEvents.pageView;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.enrich.enrichments.EnrichmentException;
import dev.tributary.schemas.avro.EnrichedEvent;
import dev.tributary.schemas.badrows.FailureMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CampaignAttributionEnrichmentTest {

    @Test
    void utmParametersFillTheMarketingFields() throws Exception {
        EnrichedEvent event = pageView("https://shop.example.com/landing?utm_source=newsletter&utm_medium=email"
                + "&utm_campaign=spring%20sale&utm_term=red+shoes&utm_content=hero");

        CampaignAttributionEnrichment.utm().enrich(event, noContext());

        assertThat(event.getMktSource()).isEqualTo("newsletter");
        assertThat(event.getMktMedium()).isEqualTo("email");
        assertThat(event.getMktCampaign()).isEqualTo("spring sale");
        assertThat(event.getMktTerm()).isEqualTo("red shoes");
        assertThat(event.getMktContent()).isEqualTo("hero");
        assertThat(event.getMktClickid()).isNull();
        assertThat(event.getMktNetwork()).isNull();
    }

    @Test
    void theFirstConfiguredParameterPresentWins() throws Exception {
        var enrichment = new CampaignAttributionEnrichment(List.of("utm_medium", "medium"), List.of("utm_source"),
                List.of(), List.of(), List.of("utm_campaign", "cid"), Map.of());
        // medium is listed second, so utm_medium wins although it comes later in the URL
        EnrichedEvent event = pageView("https://shop.example.com/?medium=cpc&utm_medium=social&cid=42");

        enrichment.enrich(event, noContext());

        assertThat(event.getMktMedium()).isEqualTo("social");
        assertThat(event.getMktCampaign()).isEqualTo("42");
        assertThat(event.getMktSource()).isNull();
    }

    @Test
    void defaultClickIdsNameTheirNetworkAndConfiguredOnesAreAdded() throws Exception {
        EnrichedEvent google = pageView("https://shop.example.com/?gclid=Cj0KCQ");
        CampaignAttributionEnrichment.utm().enrich(google, noContext());
        assertThat(google.getMktClickid()).isEqualTo("Cj0KCQ");
        assertThat(google.getMktNetwork()).isEqualTo("Google");

        EnrichedEvent microsoft = pageView("https://shop.example.com/?msclkid=abc");
        CampaignAttributionEnrichment.utm().enrich(microsoft, noContext());
        assertThat(microsoft.getMktNetwork()).isEqualTo("Microsoft");

        var custom = new CampaignAttributionEnrichment(List.of(), List.of(), List.of(), List.of(), List.of(),
                Map.of("fbclid", "Facebook"));
        EnrichedEvent facebook = pageView("https://shop.example.com/?fbclid=IwAR");
        custom.enrich(facebook, noContext());
        assertThat(facebook.getMktClickid()).isEqualTo("IwAR");
        assertThat(facebook.getMktNetwork()).isEqualTo("Facebook");
    }

    @Test
    void aPageWithoutQuerystringIsLeftAlone() throws Exception {
        EnrichedEvent event = pageView("https://shop.example.com/plain");

        CampaignAttributionEnrichment.utm().enrich(event, noContext());

        assertThat(event.getMktSource()).isNull();
        assertThat(event.getMktMedium()).isNull();
    }

    @Test
    void brokenPercentEncodingIsAnInputDataFailureNamingTheField() {
        EnrichedEvent event = pageView("https://shop.example.com/");
        event.setPageUrlquery("utm_source=%zz");

        assertThatThrownBy(() -> CampaignAttributionEnrichment.utm().enrich(event, noContext()))
                .isInstanceOfSatisfying(EnrichmentException.class, e -> assertThat(e.failureMessage())
                        .isInstanceOfSatisfying(FailureMessage.InputData.class, in -> {
                            assertThat(in.field()).isEqualTo("page_urlquery");
                            assertThat(in.value()).isEqualTo("utm_source=%zz");
                        }));
    }
}
