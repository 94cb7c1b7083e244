package dev.tributary.collector.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    @Test
    void matchesAddressesInsideTheBlockOnly() {
        Cidr ten = Cidr.parse("10.0.0.0/8").orElseThrow();
        assertThat(ten.contains("10.255.1.2")).isTrue();
        assertThat(ten.contains("11.0.0.1")).isFalse();
        assertThat(ten.contains("::ffff:10.1.1.1")).isTrue();
        Cidr narrow = Cidr.parse("192.0.2.128/25").orElseThrow();
        assertThat(narrow.contains("192.0.2.129")).isTrue();
        assertThat(narrow.contains("192.0.2.127")).isFalse();
        Cidr v6 = Cidr.parse("2001:db8::/32").orElseThrow();
        assertThat(v6.contains("2001:db8:1::7")).isTrue();
        assertThat(v6.contains("2001:db9::1")).isFalse();
        assertThat(v6.contains("10.0.0.1")).isFalse();
        assertThat(Cidr.parse("127.0.0.1").orElseThrow().contains("127.0.0.1")).isTrue();
        assertThat(Cidr.parse("0.0.0.0/0").orElseThrow().contains("203.0.113.1")).isTrue();
        assertThat(Cidr.parse("10.9.9.9/8").orElseThrow()).isEqualTo(ten);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "example.com", "10.0.0.0/33", "10.0.0.0/", "10.0.0/8", "::1/129",
            "10.0.0.0/-1", "10.0.0.0/8/8", "999.1.1.1"})
    void onlyLiteralsWithAFittingPrefixParse(String text) {
        assertThat(Cidr.parse(text)).isEmpty();
    }

    @Test
    void headerValuesThatAreNotLiteralsNeverMatch() {
        Cidr all = Cidr.parse("0.0.0.0/0").orElseThrow();
        assertThat(all.contains("unknown")).isFalse();
        assertThat(all.contains("localhost")).isFalse();
        assertThat(all.contains((String) null)).isFalse();
    }
}
