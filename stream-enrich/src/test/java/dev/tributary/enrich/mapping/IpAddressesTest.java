package dev.tributary.enrich.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IpAddressesTest {

    @Test
    void forwardedForBeatsForwardedWhichBeatsTheCollectorAddress() {
        assertThat(IpAddresses.fromRequest(List.of("forwarded: for=192.0.2.1", "X-FORWARDED-FOR: 198.51.100.2"),
                "203.0.113.3")).isEqualTo("198.51.100.2");
        assertThat(IpAddresses.fromRequest(List.of("Forwarded: for=\"[2001:db8::1]\";proto=https"), "203.0.113.3"))
                .isEqualTo("2001:db8::1");
        assertThat(IpAddresses.fromRequest(List.of("Host: x"), "203.0.113.3, 10.0.0.1")).isEqualTo("203.0.113.3");
    }

    @Test
    void onlyTheFirstOfSeveralAddressesIsKept() {
        assertThat(IpAddresses.firstToken("1.2.3.4|5.6.7.8")).isEqualTo("1.2.3.4");
        assertThat(IpAddresses.firstToken(" 1.2.3.4 5.6.7.8")).isEqualTo("1.2.3.4");
        assertThat(IpAddresses.firstToken(null)).isNull();
    }
}
