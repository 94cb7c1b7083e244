package dev.tributary.infra.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BindAddressTest {

    @Test
    void loopbackAndWildcardAreReachedAsLocalhost() {
        assertThat(BindAddress.parse("k", "127.0.0.1")).isEqualTo(BindAddress.LOOPBACK);
        assertThat(BindAddress.parse("k", "localhost")).isEqualTo(BindAddress.LOOPBACK);
        assertThat(BindAddress.LOOPBACK.clientHost()).isEqualTo("localhost");
        assertThat(BindAddress.parse("k", "0.0.0.0").isWildcard()).isTrue();
        assertThat(BindAddress.parse("k", "0.0.0.0").clientHost()).isEqualTo("localhost");
    }

    @Test
    void otherInterfacesAreReachedByTheirAddress() {
        assertThat(BindAddress.parse("k", "192.0.2.10").clientHost()).isEqualTo("192.0.2.10");
        assertThat(BindAddress.parse("k", "::1").clientHost()).isEqualTo("[0:0:0:0:0:0:0:1]");
        assertThat(BindAddress.parse("k", "[::1]").isLoopback()).isTrue();
    }

    @Test
    void anythingButAnAddressIsRefusedNamingTheKey() {
        for (String bad : new String[] {"", "example.com", "300.1.1.1", "1.2.3", null}) {
            assertThatThrownBy(() -> BindAddress.parse("--bind-address", bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("--bind-address: expected an IP address")
                    .hasMessageContaining("127.0.0.1");
        }
    }
}
