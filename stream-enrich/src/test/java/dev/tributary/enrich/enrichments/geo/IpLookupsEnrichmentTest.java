package dev.tributary.enrich.enrichments.geo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.enrich.enrichments.TestEvents;
import dev.tributary.schemas.avro.EnrichedEvent;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against the real GeoLite2-City database of 2019-11-19 shipped in {@code org.elasticsearch:geolite2-databases}.
 * The expected values are that file's data, read with MaxMind's own reader while writing this test: note that
 * 81.2.69.142 is London only in MaxMind's synthetic test database; the production 2019 file places it in
 * Abingdon, Oxfordshire.
 */
class IpLookupsEnrichmentTest {

    @TempDir
    static Path dir;

    private static IpLookupsEnrichment lookups;

    @BeforeAll
    static void open() throws Exception {
        lookups = new IpLookupsEnrichment(IpLookupsEnrichment.openDatabase(TestEvents.geoLiteCityIn(dir)), null, null, null);
    }

    @AfterAll
    static void close() {
        lookups.close();
    }

    @Test
    void ukAddressGetsCountryRegionCityPostcodeCoordinatesAndTimezone() {
        EnrichedEvent event = TestEvents.pageView("https://a.example/");
        event.setUserIpaddress("81.2.69.142");

        lookups.enrich(event, TestEvents.noContext());

        assertThat(event.getGeoCountry()).isEqualTo("GB");
        assertThat(event.getGeoRegion()).isEqualTo("OXF");
        assertThat(event.getGeoRegionName()).isEqualTo("Oxfordshire");
        assertThat(event.getGeoCity()).isEqualTo("Abingdon");
        assertThat(event.getGeoZipcode()).isEqualTo("OX13");
        assertThat(event.getGeoLatitude()).isEqualTo(51.7095);
        assertThat(event.getGeoLongitude()).isEqualTo(-1.3614);
        assertThat(event.getGeoTimezone()).isEqualTo("Europe/London");
    }

    @Test
    void countryLevelBlockLeavesCityFieldsEmpty() {
        // Google's resolver is only located to country level in GeoLite2
        EnrichedEvent event = TestEvents.pageView("https://a.example/");
        event.setUserIpaddress("8.8.8.8");

        lookups.enrich(event, TestEvents.noContext());

        assertThat(event.getGeoCountry()).isEqualTo("US");
        assertThat(event.getGeoCity()).isNull();
        assertThat(event.getGeoRegion()).isNull();
        assertThat(event.getGeoTimezone()).isEqualTo("America/Chicago");
    }

    @Test
    void ipv6AddressesAreLookedUpToo() {
        EnrichedEvent event = TestEvents.pageView("https://a.example/");
        event.setUserIpaddress("2001:480::1");

        lookups.enrich(event, TestEvents.noContext());

        assertThat(event.getGeoCountry()).isEqualTo("US");
    }

    @Test
    void privateUnknownAndMalformedAddressesAreSwallowed() {
        for (String ip : new String[] {"10.0.0.1", "not-an-ip", "999.1.1.1", "", "unknown"}) {
            EnrichedEvent event = TestEvents.pageView("https://a.example/");
            event.setUserIpaddress(ip);

            lookups.enrich(event, TestEvents.noContext());

            assertThat(event.getGeoCountry()).as(ip).isNull();
            assertThat(event.getGeoCity()).as(ip).isNull();
        }
    }
}
