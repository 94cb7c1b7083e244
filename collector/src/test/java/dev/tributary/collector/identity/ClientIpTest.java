package dev.tributary.collector.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientIpTest {

    static final InetSocketAddress PEER = new InetSocketAddress("192.0.2.200", 50000);

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "203.0.113.7, 10.0.0.1 | NULL                         | 203.0.113.7",
            "' 203.0.113.8 '       | for=198.51.100.1             | 203.0.113.8",
            "unknown, 10.0.0.1     | for=198.51.100.1             | 198.51.100.1",
            "NULL                  | for=198.51.100.2:8080;proto=https | 198.51.100.2",
            "NULL                  | 'for=\"[2001:db8::1]:4711\"' | 2001:db8::1",
            "NULL                  | for=_hidden, for=198.51.100.3 | 192.0.2.200",
            "NULL                  | proto=https                  | 192.0.2.200",
            "NULL                  | NULL                         | 192.0.2.200",
    })
    void forwardingHeadersWinOverTheSocket(String xff, String forwarded, String expected) {
        assertThat(ClientIp.firstOf(xff, forwarded, PEER)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void unknownWithoutAnyAddress() {
        assertThat(ClientIp.firstOf(null, null, null)).isEqualTo("unknown");
    }

    static final ClientIp TRUSTING_10 = new ClientIp(List.of(
            dev.tributary.collector.config.Cidr.parse("10.0.0.0/8").orElseThrow(),
            dev.tributary.collector.config.Cidr.parse("192.0.2.200").orElseThrow()));

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            // peer 192.0.2.200 is trusted: walk right to left past trusted hops
            "198.51.100.1, 203.0.113.7, 10.1.2.3 | NULL                           | 203.0.113.7",
            "203.0.113.7                         | NULL                           | 203.0.113.7",
            "10.0.0.1, 10.0.0.2                  | NULL                           | 10.0.0.1",
            "not-an-ip, 10.0.0.2                 | NULL                           | 10.0.0.2",
            "NULL                                | for=198.51.100.9, for=10.0.0.3 | 198.51.100.9",
            "NULL                                | NULL                           | 192.0.2.200",
    })
    void aTrustedPeersChainIsWalkedFromTheRight(String xff, String forwarded, String expected) {
        ClientIp.Resolved r = TRUSTING_10.resolve(xff, forwarded, PEER);
        assertThat(r.ip()).isEqualTo(expected);
        assertThat(r.forwarding()).isEqualTo(ClientIp.Forwarding.REPLACE);
    }

    @org.junit.jupiter.api.Test
    void anUntrustedPeersForwardingHeadersAreIgnored() {
        ClientIp.Resolved r = TRUSTING_10.resolve("203.0.113.7", "for=203.0.113.8",
                new InetSocketAddress("198.51.100.50", 1234));
        assertThat(r).isEqualTo(new ClientIp.Resolved("198.51.100.50", ClientIp.Forwarding.DROP));
    }

    @org.junit.jupiter.api.Test
    void withoutTrustedProxiesTheHeadersAreKeptAsSnowplowDoes() {
        assertThat(new ClientIp(List.of()).resolve("203.0.113.7", null, PEER))
                .isEqualTo(new ClientIp.Resolved("203.0.113.7", ClientIp.Forwarding.KEEP));
    }
}
