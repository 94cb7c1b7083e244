package dev.tributary.collector.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
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
}
