package dev.tributary.enrich.enrichments.anonip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.enrich.enrichments.TestEvents;
import dev.tributary.schemas.avro.EnrichedEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnonIpEnrichmentTest {

    @ParameterizedTest(name = "{0} with {1} octets / {2} segments -> {3}")
    @CsvSource(delimiter = '|', value = {
        // IPv4: the last anonOctets octets become x (Snowplow's documented examples)
        "255.255.255.255 | 1 | 1 | 255.255.255.x",
        "94.15.223.151   | 2 | 2 | 94.15.x.x",
        "94.15.223.151   | 3 | 3 | 94.x.x.x",
        "94.15.223.151   | 4 | 4 | x.x.x.x",
        // IPv6 is expanded to eight segments first (:: filled with 0), then the last anonSegments masked
        "2605:2700:0:3::4713:93e3 | 1 | 4 | 2605:2700:0:3:x:x:x:x",
        "2001:db8::1              | 1 | 1 | 2001:db8:0:0:0:0:0:x",
        "2001:0db8:0000:0000:0000:0000:0000:0001 | 1 | 7 | 2001:x:x:x:x:x:x:x",
        "::1                      | 1 | 8 | x:x:x:x:x:x:x:x",
        // IPv4-mapped form keeps its prefix
        "::FFFF:10.20.30.40       | 2 | 2 | ::FFFF:10.20.x.x",
        // broken input is still masked rather than leaked
        "777.2.23                 | 2 | 2 | 777.2.x",
        // ... but, as in Snowplow, only the missing octets count: one octet of a three-part address masks none
        "777.2.23                 | 1 | 1 | 777.2.23",
    })
    void masksTheEndOfTheAddress(String ip, int octets, int segments, String expected) {
        EnrichedEvent event = TestEvents.pageView("https://a.example/");
        event.setUserIpaddress(ip);

        new AnonIpEnrichment(octets, segments).enrich(event, TestEvents.noContext());

        assertThat(event.getUserIpaddress()).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void noAddressStaysNull() {
        EnrichedEvent event = TestEvents.pageView("https://a.example/");
        event.setUserIpaddress(null);

        new AnonIpEnrichment(2, 2).enrich(event, TestEvents.noContext());

        assertThat(event.getUserIpaddress()).isNull();
    }
}
