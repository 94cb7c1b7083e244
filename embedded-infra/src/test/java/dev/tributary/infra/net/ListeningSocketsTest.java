package dev.tributary.infra.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class ListeningSocketsTest {

    @Test
    void decodesTheKernelsLittleEndianWords() throws Exception {
        assertThat(ListeningSockets.address("0100007F")).isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(ListeningSockets.address("00000000000000000000000001000000")).isEqualTo(InetAddress.getByName("::1"));
        assertThat(ListeningSockets.address("0000000000000000FFFF00000100007F").isLoopbackAddress()).isTrue();
        assertThat(ListeningSockets.address("00000000").isAnyLocalAddress()).isTrue();
    }

    @Test
    void findsASocketThisProcessListensOnWithItsAddress() throws Exception {
        try (ServerSocket loopback = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ServerSocket everywhere = new ServerSocket(0)) {
            assertThat(ListeningSockets.onPort(loopback.getLocalPort())).singleElement()
                    .satisfies(l -> assertThat(l.isLoopback()).isTrue());
            assertThat(ListeningSockets.onPort(everywhere.getLocalPort())).singleElement()
                    .satisfies(l -> assertThat(l.address().isAnyLocalAddress()).isTrue());
            assertThat(ListeningSockets.ofThisProcess()).extracting(ListeningSockets.Listener::port)
                    .contains(loopback.getLocalPort(), everywhere.getLocalPort());
        }
    }
}
